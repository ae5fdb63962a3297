import Link from "next/link";
import { type HistoryEntry, happenedOrder } from "@/lib/collections/contact-history";
import type { DateOnly } from "@/lib/time/dates";

const CHANNEL = { LETTER: "Letter", EMAIL: "Email", PHONE: "Phone", PORTAL: "Account page" } as const;
const OUTCOME: Record<string, string> = {
  SENT: "Sent",
  DELIVERED: "Delivered",
  DELIVERY_FAILED: "Delivery failed",
  NO_ANSWER: "No answer",
  VOICEMAIL: "Voicemail",
  SPOKE: "Spoke",
  REPLIED: "Replied",
};

/** A payment or correction shown among the contacts. */
export interface MoneyEntry {
  type: "money";
  id: string;
  /** When it was entered. */
  at: Date;
  /** When it happened: the accounting date (received, issued, written off…). */
  on: DateOnly;
  by: string;
  title: string;
  note: string;
}

/**
 * The account's history, oldest first unless `newestFirst`: who, when, channel,
 * outcome, note; letters open as sent; payments and corrections among them on
 * the day they happened (happenedOrder), each with the time it was entered.
 */
export function HistoryTimeline({
  entries: contacts,
  money = [],
  newestFirst = false,
  locale,
  timeZone,
}: {
  entries: HistoryEntry[];
  money?: MoneyEntry[];
  newestFirst?: boolean;
  locale: string;
  timeZone: string;
}) {
  const fmt = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone });
  const dayFmt = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const localDay = new Intl.DateTimeFormat("en-CA", { timeZone });
  const dayOf = (e: HistoryEntry | MoneyEntry) => (e.type === "money" ? e.on : localDay.format(e.at));
  const entries: (HistoryEntry | MoneyEntry)[] = [...contacts, ...money].sort(
    (a, b) => happenedOrder({ day: dayOf(a), at: a.at }, { day: dayOf(b), at: b.at }) * (newestFirst ? -1 : 1),
  );
  if (!entries.length)
    return <p className="rounded-xl border border-slate-200 bg-white p-5 text-sm text-slate-500">No contact yet.</p>;
  // The entries' looks are the .timeline rules in app/globals.css: an entry's markup goes
  // out twice (HTML and the RSC payload), so it carries its text, not class strings.
  return (
    <ol className="timeline" data-testid="contact-history">
      {entries.map((e) => (
        <li key={e.id}>
          {e.type === "money" ? (
            <span className="when">
              <time dateTime={e.on}>{dayFmt.format(new Date(`${e.on}T00:00:00Z`))}</time>
              <small data-testid="history-entered">
                entered <time dateTime={e.at.toISOString()}>{fmt.format(e.at)}</time>
              </small>
            </span>
          ) : (
            <time className="when" dateTime={e.at.toISOString()}>
              {fmt.format(e.at)}
            </time>
          )}
          <div>
            {e.type === "contact" ? (
              <b>
                {`${e.letter ? `Letter ${e.letter.stage}` : CHANNEL[e.channel]} ${e.direction === "INBOUND" ? "from customer" : "to customer"}`}
                <span>{OUTCOME[e.outcome] ?? e.outcome}</span>
                {e.letter && <Link href={`/letters/${e.letter.id}`}>{`Open letter ${e.letter.stage} as sent`}</Link>}
              </b>
            ) : e.type === "money" ? (
              <b className="text-emerald-900" data-testid="history-money">
                {e.title}
              </b>
            ) : (
              <b>{e.title}</b>
            )}
            {e.note && <p>{e.note}</p>}
            <small>{`by ${e.by}`}</small>
          </div>
        </li>
      ))}
    </ol>
  );
}
