import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { getUnassignedReplies, UNASSIGNED_PAGE_SIZE } from "@/lib/inbound/pages";

export const metadata: Metadata = { title: "Unassigned replies" };

/** Emailed replies that named no account and came from no known customer address: a collector files each. */
export default async function UnassignedRepliesPage() {
  const user = await requireUser();
  const { count, replies } = await getUnassignedReplies(user);
  const when = new Intl.DateTimeFormat(user.locale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: user.timeZone,
  });
  return (
    <div className="space-y-6">
      <div>
        <Link href="/today" className="text-sm text-slate-500 hover:text-slate-800">
          ← Today
        </Link>
        <h1 className="text-2xl font-semibold tracking-tight">Unassigned replies</h1>
        <p className="text-sm text-slate-500">
          Emails to your reply domain that named no account and came from an address no customer has. Open one to file
          it on its customer: it then joins the contact history and holds the next letter until read.
        </p>
      </div>
      {replies.length === 0 ? (
        <p className="rounded-lg p-4 text-sm text-slate-500 ring-1 ring-slate-200">No reply is waiting to be filed.</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg ring-1 ring-slate-200" data-testid="unassigned-replies">
          {replies.map((r) => (
            <li key={r.id} className="p-3 text-sm">
              <Link href={`/replies/${r.id}`} className="block space-y-1 hover:bg-slate-50">
                <div className="flex flex-wrap items-baseline justify-between gap-x-3">
                  <span className="min-w-0 break-words font-medium text-brand-700">{r.subject || "(no subject)"}</span>
                  <time className="shrink-0 text-slate-500" dateTime={r.receivedAt.toISOString()}>
                    {when.format(r.receivedAt)}
                  </time>
                </div>
                <p className="break-all text-slate-600">
                  {r.fromName ? `${r.fromName} <${r.fromAddress}>` : r.fromAddress}
                  {r.autoReply && <span className="ml-2 rounded bg-slate-100 px-1.5 text-xs">automatic reply</span>}
                  {r.attachments > 0 && (
                    <span className="ml-2 rounded bg-slate-100 px-1.5 text-xs">
                      {r.attachments} attachment{r.attachments === 1 ? "" : "s"}
                    </span>
                  )}
                </p>
                <p className="line-clamp-2 break-words text-slate-500">{r.excerpt}</p>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {count > UNASSIGNED_PAGE_SIZE && (
        <p className="text-sm text-slate-500">
          The {UNASSIGNED_PAGE_SIZE} newest of {count}: file these and the older ones follow.
        </p>
      )}
    </div>
  );
}
