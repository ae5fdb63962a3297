import { newDocument } from "@/lib/documents/render-letter-pdf";
import { ReportPen, type ReportTable } from "@/lib/documents/report-pen";
import type { Language } from "@/lib/generated/prisma/enums";
import { letterFormat } from "@/lib/locale/letter-format";
import { localStamp, type PackData } from "./load-pack-data";
import { summaryText } from "./summary-text";

// The hand-off summary: one A4 document an agency can read without the app.
// A pure function of PackData (no "generated at" time), so unchanged data gives
// the same bytes. Written in the customer's language, with dates and amounts
// as their letters write them (letterFormat).

/** The hand-off summary PDF of one customer, in the customer's language. */
export async function renderSummaryPdf(data: PackData): Promise<Uint8Array> {
  const { org, customer } = data;
  const t = summaryText(customer.language);
  const format = letterFormat(customer.language as Language, org.locale);
  const money = format.money;
  const day = t.date ?? format.shortDate;
  const stamp = (at: Date) => {
    const local = localStamp(at, org.timeZone); // "yyyy-MM-dd HH:mm"
    return `${day(local.slice(0, 10))} ${local.slice(11)}`;
  };
  const asOf = day(data.asOf);
  const { doc, fonts } = await newDocument(`${t.title(customer.name)} (${customer.reference})`, data.newestAt);
  const pen = new ReportPen(doc, fonts, t);

  pen.title(t.title(customer.name), t.subtitle(org.name, customer.reference, asOf, org.timeZone));

  pen.heading(t.customer.heading);
  for (const l of [customer.name, ...customer.address]) pen.line(l);
  for (const l of [
    customer.contactPerson && `${t.customer.contact}: ${customer.contactPerson}`,
    customer.email && `${t.customer.email}: ${customer.email}`,
    customer.phone && `${t.customer.phone}: ${customer.phone}`,
  ])
    if (l) pen.line(l);
  pen.line(t.customer.line(customer.reference, customer.language, customer.currency));

  const b = t.balance;
  const inv = t.invoices;
  const mv = t.movements;
  const letterWords = t.letters;
  const pr = t.promises;
  const di = t.disputes;
  const ho = t.handoffs;
  const hi = t.history;
  // The summary's tables, in the order an agency reads them.
  const tables: ReportTable[] = [
    {
      heading: b.heading,
      columns: [
        { label: b.currency, width: 0.2 },
        { label: b.open, width: 0.4, align: "right" },
        { label: b.overdueOn(asOf), width: 0.4, align: "right" },
      ],
      rows: data.balances.map((x) => [x.currency, money(x.open, x.currency), money(x.overdue, x.currency)]),
    },
    {
      heading: inv.heading,
      columns: [
        { label: inv.number, width: 0.14 },
        { label: inv.issued, width: 0.105 },
        { label: inv.due, width: 0.105 },
        { label: inv.amount, width: 0.15, align: "right" },
        { label: inv.paid, width: 0.15, align: "right" },
        { label: inv.open, width: 0.15, align: "right" },
        { label: inv.daysPastDue, width: 0.1, align: "right" },
        { label: inv.note, width: 0.1 },
      ],
      rows: data.invoices.map((i) => [
        i.number,
        day(i.issueDate),
        day(i.dueDate),
        money(i.amount, i.currency),
        money(i.paid, i.currency),
        money(i.open, i.currency),
        i.open > 0 && i.daysPastDue > 0 ? String(i.daysPastDue) : "",
        i.open <= 0 ? inv.paidNote : i.disputed ? inv.disputedNote : "",
      ]),
    },
    {
      heading: mv.heading,
      intro: mv.intro,
      columns: [
        { label: mv.on, width: 0.11 },
        { label: mv.entry, width: 0.16 },
        { label: mv.invoice, width: 0.11 },
        { label: mv.reference, width: 0.12 },
        { label: mv.amount, width: 0.13, align: "right" },
        { label: mv.reason, width: 0.21 },
        { label: mv.by, width: 0.16 },
      ],
      rows: data.movements.map((m) => [
        day(m.on),
        `${mv.kinds[m.kind]}${m.reversed ? ` (${mv.reversed})` : ""}`,
        m.invoiceNumber ?? mv.onAccount,
        m.reference,
        money(m.amount, m.currency),
        m.reason,
        m.by,
      ]),
    },
    {
      heading: letterWords.heading,
      columns: [
        { label: letterWords.stage, width: 0.06 },
        { label: letterWords.sent, width: 0.16 },
        { label: letterWords.by, width: 0.13 },
        { label: letterWords.deadline, width: 0.11 },
        { label: letterWords.totalDue, width: 0.13, align: "right" },
        { label: letterWords.delivery, width: 0.12 },
        { label: letterWords.file, width: 0.29 },
      ],
      rows: data.letters.map((l) => [
        String(l.stage),
        stamp(l.sentAt),
        l.sentBy,
        day(l.deadline),
        money(l.totalDue, l.currency),
        l.registeredMail
          ? `${letterWords.registered}${l.trackingNumber ? ` ${l.trackingNumber}` : ""}`
          : letterWords.postOrEmail,
        l.fileName.replace(/^letters\//, ""),
      ]),
    },
    {
      heading: pr.heading,
      columns: [
        { label: pr.madeOn, width: 0.11 },
        { label: pr.kind, width: 0.1 },
        { label: pr.amount, width: 0.14, align: "right" },
        { label: pr.due, width: 0.11 },
        { label: pr.status, width: 0.09 },
        { label: pr.by, width: 0.14 },
        { label: pr.note, width: 0.31 },
      ],
      rows: data.promises.map((p) => [
        day(p.madeOn),
        p.instalment ? pr.instalment : pr.promise,
        money(p.amount, p.currency),
        day(p.promisedFor),
        pr.statuses[p.status],
        p.by,
        p.note,
      ]),
    },
    {
      heading: di.heading,
      columns: [
        { label: di.invoice, width: 0.15 },
        { label: di.opened, width: 0.11 },
        { label: di.by, width: 0.14 },
        { label: di.reason, width: 0.25 },
        { label: di.status, width: 0.12 },
        { label: di.resolution, width: 0.23 },
      ],
      rows: data.disputes.map((d) => [
        d.invoiceNumber,
        day(d.openedOn),
        d.by,
        d.note,
        d.resolvedOn ? di.resolvedOn(day(d.resolvedOn)) : di.open,
        d.resolution,
      ]),
    },
    {
      heading: ho.heading,
      columns: [
        { label: ho.agency, width: 0.28 },
        { label: ho.reference, width: 0.18 },
        { label: ho.handedOverOn, width: 0.15 },
        { label: ho.amount, width: 0.17, align: "right" },
        { label: ho.recordedBy, width: 0.22 },
      ],
      rows: data.handoffs.map((h) => [
        h.contact ? `${h.agency}, ${h.contact}` : h.agency,
        h.reference,
        day(h.handedOverOn),
        money(h.amount, h.currency),
        h.by,
      ]),
    },
    // Only when a hand-off kept its lines (those recorded before 2026-12 did not).
    ...(data.handoffs.some((h) => h.lines.length)
      ? [
          {
            heading: ho.linesHeading,
            columns: [
              { label: ho.item, width: 0.22 },
              { label: ho.invoice, width: 0.18 },
              { label: ho.claimedBy, width: 0.4 },
              { label: ho.amount, width: 0.2, align: "right" as const },
            ],
            rows: data.handoffs.flatMap((h) =>
              h.lines.map((l) => [
                // In the pack's language; hand-offs recorded before lines kept their kind print the stored label.
                l.kind === "invoice" ? ho.invoice : l.chargeKind ? ho.chargeKinds[l.chargeKind] : l.label,
                l.invoiceNumber ?? "",
                l.source === "letter_3" ? ho.letter3 : ho.added(h.includedReason ?? ""),
                money(l.amountMinor, h.currency),
              ]),
            ),
          },
        ]
      : []),
    {
      heading: hi.heading,
      intro: hi.intro(org.timeZone),
      columns: [
        { label: hi.when, width: 0.16 },
        { label: hi.who, width: 0.14 },
        { label: hi.what, width: 0.27 },
        { label: hi.note, width: 0.43 },
      ],
      rows: data.history.map((e) => [
        stamp(e.at),
        e.by,
        e.type === "contact"
          ? `${e.letter ? hi.letter(e.letter.stage) : ""}${t.channels[e.channel] ?? e.channel.toLowerCase()} ${t.directions[e.direction] ?? e.direction.toLowerCase()}, ${t.outcomes[e.outcome] ?? e.outcome.toLowerCase()}`
          : t.event(e.event, { money, day }),
        e.note,
      ]),
    },
  ];
  for (const table of tables) pen.section(table);

  pen.footer(t.footer(org.name, customer.name, customer.reference, asOf));
  return doc.save();
}
