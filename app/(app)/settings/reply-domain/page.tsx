import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm, Field } from "@/components/action-form";
import { ADMIN_ONLY } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { getReplyDomain } from "@/lib/inbound/pages";
import { bindAction } from "@/lib/server-actions/bind";

export const metadata: Metadata = { title: "Reply domain" };

const setReplyDomainAction = bindAction("inbound.set_reply_domain");

// A form of its own for now: it belongs on Settings → Email (issue 26 §3) once that page exists.
export default async function ReplyDomainPage() {
  const user = await requireUser();
  if (!ADMIN_ONLY.includes(user.role))
    return (
      <p className="rounded-xl border border-slate-200 bg-white p-5 text-sm">
        Only an administrator can set the reply domain.
      </p>
    );
  const replyDomain = await getReplyDomain(user);
  return (
    <div className="max-w-2xl space-y-6">
      <div>
        <Link href="/settings" className="text-sm text-slate-500 hover:text-slate-800">
          ← Settings
        </Link>
        <h1 className="text-2xl font-semibold tracking-tight">Reply domain</h1>
        <p className="text-sm text-slate-500">
          Every email to a customer carries a reply address that names the account, such as
          reply+k3…q7@replies.example.com. A reply to it lands in the account's contact history by itself and holds the
          next automatic letter until someone has read it. Point the domain's mail at your inbound provider (Postmark or
          Mailgun) or at the mailbox the worker reads: see docs/inbound-email.md.
        </p>
      </div>
      <ActionForm action={setReplyDomainAction} submitLabel="Save" resetOnSuccess={false} testId="reply-domain-form">
        <Field
          name="replyDomain"
          label="Reply domain"
          defaultValue={replyDomain ?? ""}
          placeholder="replies.example.com"
          hint="Leave empty for no reply address."
        />
      </ActionForm>
    </div>
  );
}
