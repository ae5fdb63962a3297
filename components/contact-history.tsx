const CHANNEL_LABEL = { LETTER: "Letter", EMAIL: "Email", PHONE: "Phone" } as const;
const OUTCOME_LABEL: Record<string, string> = {
  SENT: "Sent", DELIVERED: "Delivered", DELIVERY_FAILED: "Delivery failed", NO_ANSWER: "No answer",
  VOICEMAIL: "Voicemail", SPOKE: "Spoke", REPLIED: "Replied",
};

export interface ContactEntry {
  id: string;
  occurredAt: Date;
  channel: keyof typeof CHANNEL_LABEL;
  direction: "OUTBOUND" | "INBOUND";
  outcome: string;
  note: string;
  by: string;
  letter: { id: string; stage: number; subject: string } | null;
}

export function ContactHistory({ entries, locale, timeZone, letterHref }: {
  entries: ContactEntry[]; locale: string; timeZone: string; letterHref?: (letterId: string) => string;
}) {
  const fmt = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone });
  if (!entries.length) return <p className="rounded-xl border border-slate-200 bg-white p-5 text-sm text-slate-500">No contact yet.</p>;
  return (
    <ol className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white shadow-sm" data-testid="contact-history">
      {entries.map((e) => (
        <li key={e.id} className="flex gap-4 px-4 py-3 text-sm">
          <time className="w-40 shrink-0 text-slate-500" dateTime={e.occurredAt.toISOString()}>{fmt.format(e.occurredAt)}</time>
          <div className="min-w-0">
            <p className="font-medium">
              {CHANNEL_LABEL[e.channel]} {e.direction === "INBOUND" ? "from customer" : "to customer"}
              <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-normal text-slate-600">{OUTCOME_LABEL[e.outcome] ?? e.outcome}</span>
              {e.letter && letterHref && (
                <a className="ml-2 text-xs font-normal text-brand-700 hover:underline" href={letterHref(e.letter.id)}>Open letter {e.letter.stage}</a>
              )}
            </p>
            {e.note && <p className="mt-0.5 whitespace-pre-line text-slate-700">{e.note}</p>}
            <p className="mt-0.5 text-xs text-slate-500">by {e.by}</p>
          </div>
        </li>
      ))}
    </ol>
  );
}
