import { XMLParser } from "fast-xml-parser";
import { AppError } from "@/lib/errors/app-error";
import { minorDigits } from "@/lib/money/money";
import { decimalToMinor, keyByFacts, type ParsedStatement, type StatementLine } from "./statement-lines";

// ISO 20022 camt.053 (statement), camt.054 (debit/credit notification) and camt.052
// (intraday report), every version from .001.02 on: the versions differ in their
// namespace and in a few paths (v08 moved the party name under Pty, v04 added
// TxDtls/Amt beside AmtDtls, Sts became a code element), so the reader is
// namespace-agnostic and tries each known path. Everything is read as text: a KID
// "0012345" must keep its zeros.

const ARRAY_ELEMENTS = new Set(["Stmt", "Ntfctn", "Rpt", "Ntry", "NtryDtls", "TxDtls", "Ustrd", "Strd", "RfrdDocInf"]);

const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  // The callbacks get the path matcher, not its string: with jPath on (the default) the
  // parser spells out the whole path of every element for isArray, a quarter of the
  // parse's CPU time on a 50,000-line statement (Matcher.toString in the profile).
  jPath: false,
  isArray: (name) => ARRAY_ELEMENTS.has(name),
});

// biome-ignore lint/suspicious/noExplicitAny: the parsed XML tree is walked by hand, each value checked where read
type Node = any;

const text = (n: Node): string =>
  (n == null ? "" : typeof n === "object" ? String(n["#text"] ?? "") : String(n)).trim();
const list = (n: Node): Node[] => (n == null ? [] : Array.isArray(n) ? n : [n]);
const day = (n: Node): string => text(n?.Dt ?? n?.DtTm ?? n).slice(0, 10);

/** Reads a camt file; throws AppError("INVALID_INPUT") with the reason a person can act on. */
export function parseCamt(xml: string): ParsedStatement {
  const version = /camt\.05[234]\.001\.\d{2}/.exec(xml.slice(0, 2000))?.[0];
  let doc: Node;
  try {
    doc = parser.parse(xml);
  } catch (error) {
    throw new AppError("INVALID_INPUT", `The file is not well-formed XML: ${(error as Error).message.slice(0, 200)}`);
  }
  const root = doc?.Document;
  const body = root?.BkToCstmrStmt ?? root?.BkToCstmrDbtCdtNtfctn ?? root?.BkToCstmrAcctRpt;
  if (!body)
    throw new AppError(
      "INVALID_INPUT",
      "The file is XML but not an ISO 20022 bank statement (camt.052, camt.053 or camt.054).",
    );
  const reports = [...list(body.Stmt), ...list(body.Ntfctn), ...list(body.Rpt)];
  const kind = root.BkToCstmrStmt ? "camt.053" : root.BkToCstmrDbtCdtNtfctn ? "camt.054" : "camt.052";
  const lines: StatementLine[] = [];
  let accountIban = "";
  const froms: string[] = [];
  const tos: string[] = [];
  for (const report of reports) {
    const account = text(report.Acct?.Id?.IBAN) || text(report.Acct?.Id?.Othr?.Id);
    accountIban ||= account;
    const accountCurrency = text(report.Acct?.Ccy);
    if (report.FrToDt) {
      froms.push(day(report.FrToDt.FrDtTm ?? report.FrToDt.FrDt));
      tos.push(day(report.FrToDt.ToDtTm ?? report.FrToDt.ToDt));
    }
    const keyOf = keyByFacts(account);
    for (const entry of list(report.Ntry)) {
      for (const line of readEntry(entry, accountCurrency)) {
        lines.push({ ...line, dedupeKey: line.entryRef ? `r:${account}|${line.entryRef}` : keyOf(line) });
      }
    }
  }
  const bookings = lines.map((l) => l.bookingDate).sort();
  const fromDate = froms.filter(Boolean).sort()[0] ?? bookings[0] ?? null;
  const toDate = tos.filter(Boolean).sort().at(-1) ?? bookings.at(-1) ?? null;
  return { format: version ?? `${kind}.001`, accountIban, fromDate, toDate, lines };
}

type EntryLine = Omit<StatementLine, "dedupeKey">;

/** One line per transaction of the entry (a KID batch holds hundreds), or one for an entry without details. */
function readEntry(entry: Node, accountCurrency: string): EntryLine[] {
  const currency = (entry.Amt?.["@Ccy"] ?? accountCurrency ?? "").toString().toUpperCase();
  const digits = minorDigits(currency || "EUR");
  const credit = text(entry.CdtDbtInd) === "CRDT";
  const status = text(entry.Sts?.Cd ?? entry.Sts);
  const reversal = text(entry.RvslInd) === "true";
  const family = text(entry.BkTxCd?.Domn?.Fmly?.SubFmlyCd);
  const ignoredReason = !credit
    ? "a debit (money out)"
    : reversal
      ? "a return or reversal"
      : status && status !== "BOOK"
        ? `not booked (${status})`
        : ["CHRG", "FEES", "COMM", "INTR"].includes(family)
          ? "a bank charge or interest"
          : "";
  const bookingDate = day(entry.BookgDt) || day(entry.ValDt);
  const entryRef = text(entry.AcctSvcrRef);
  const entryAmount = decimalToMinor(text(entry.Amt), digits);
  if (!bookingDate || entryAmount === null)
    throw new AppError(
      "INVALID_INPUT",
      `An entry${entryRef ? ` (${entryRef})` : ""} has no booking date or no readable amount.`,
    );
  const txs = list(entry.NtryDtls).flatMap((d: Node) => list(d.TxDtls));
  if (!txs.length) {
    return [
      {
        entryRef,
        bookingDate,
        amountMinor: entryAmount,
        currency,
        credit,
        ignoredReason,
        payerName: "",
        payerAccount: "",
        structuredRefs: [],
        documentNumbers: [],
        remittanceText: text(entry.AddtlNtryInf),
      },
    ];
  }
  return txs.map((tx: Node, i: number) => {
    const amountText = text(tx.Amt) || text(tx.AmtDtls?.TxAmt?.Amt) || text(tx.AmtDtls?.InstdAmt?.Amt);
    const amount = txs.length === 1 && !amountText ? entryAmount : decimalToMinor(amountText, digits);
    if (amount === null)
      throw new AppError("INVALID_INPUT", `A transaction of entry ${entryRef || bookingDate} has no readable amount.`);
    const txRef = text(tx.Refs?.AcctSvcrRef);
    const debtor = tx.RltdPties?.Dbtr;
    const strd = list(tx.RmtInf?.Strd);
    return {
      // A transaction's own reference, else the entry's with the transaction's place in it.
      entryRef: txRef || (entryRef && txs.length > 1 ? `${entryRef}#${i + 1}` : entryRef),
      bookingDate,
      amountMinor: amount,
      currency: (tx.Amt?.["@Ccy"] ?? currency).toString().toUpperCase(),
      credit,
      ignoredReason,
      payerName: text(debtor?.Pty?.Nm ?? debtor?.Nm),
      payerAccount: text(tx.RltdPties?.DbtrAcct?.Id?.IBAN) || text(tx.RltdPties?.DbtrAcct?.Id?.Othr?.Id),
      structuredRefs: strd.map((s: Node) => text(s.CdtrRefInf?.Ref)).filter(Boolean),
      documentNumbers: strd.flatMap((s: Node) => list(s.RfrdDocInf).map((d: Node) => text(d.Nb))).filter(Boolean),
      remittanceText: [...list(tx.RmtInf?.Ustrd).map(text), text(tx.AddtlTxInf)].filter(Boolean).join(" "),
    };
  });
}
