import { describe, expect, it } from "vitest";
import { buildKid } from "@/lib/iso/payment-reference";
import { receiveAndProcess } from "./bank";
import { useTestDb } from "./db";
import { createOrg, createUser } from "./factories";

// Random invoices and random payments (exact, partial, several invoices in one,
// wrong references, unknown payers) written as a camt.053; after the import every
// invoice's open balance equals the test's own ledger, kept here from the rules
// alone, and no line is recorded twice.

const db = useTestDb();

function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe("a random statement against the test's own ledger", () => {
  for (const seed of [7, 2026, 31337]) {
    it(`seed ${seed}: every open balance as expected, nothing matched twice`, async () => {
      const rnd = random(seed);
      const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
      const org = await createOrg(db);
      const user = await createUser(db, org.id, "COLLECTOR");
      const customers = [];
      for (let c = 0; c < 6; c++)
        customers.push(
          await db.customer.create({
            data: { orgId: org.id, reference: String(500 + c), name: `Kunde ${c} AS`, currency: "NOK" },
          }),
        );
      const invoices: { id: string; number: string; customerId: string; kid: string; open: number }[] = [];
      for (let i = 0; i < 30; i++) {
        const customer = pick(customers);
        const number = String(7000 + i);
        const kid = buildKid({ mode: "mod10", length: 10, customerRef: customer.reference, invoiceNumber: number })!;
        const amount = 1000 + Math.floor(rnd() * 50_000);
        const row = await db.invoice.create({
          data: {
            orgId: org.id,
            customerId: customer.id,
            number,
            kid,
            issueDate: new Date("2026-10-01"),
            dueDate: new Date("2026-10-31"),
            amountMinor: BigInt(amount),
            currency: "NOK",
          },
        });
        invoices.push({ id: row.id, number, customerId: customer.id, kid, open: amount });
      }
      // The test's own ledger: only the rules that record by themselves change it.
      const expected = new Map(invoices.map((i) => [i.number, i.open]));
      const pay = (number: string, amount: number) => {
        expected.set(number, Math.max(0, expected.get(number)! - amount));
      };
      const entries: string[] = [];
      const entry = (amountMinor: number, rmt: string, payer: string) =>
        entries.push(
          `<Ntry><Amt Ccy="NOK">${(amountMinor / 100).toFixed(2)}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-12-01</Dt></BookgDt><AcctSvcrRef>P-${seed}-${entries.length}</AcctSvcrRef><NtryDtls><TxDtls><RltdPties><Dbtr><Nm>${payer}</Nm></Dbtr></RltdPties><RmtInf>${rmt}</RmtInf></TxDtls></NtryDtls></Ntry>`,
        );
      const kidRef = (kid: string) => `<Strd><CdtrRefInf><Ref>${kid}</Ref></CdtrRefInf></Strd>`;
      for (let n = 0; n < 40; n++) {
        const invoice = pick(invoices);
        const open = expected.get(invoice.number)!;
        const kind = Math.floor(rnd() * 6);
        if (kind === 0 && open > 0) {
          // Exact payment by KID.
          entry(open, kidRef(invoice.kid), "X");
          pay(invoice.number, open);
        } else if (kind === 1 && open > 1) {
          // Partial payment by KID: recorded, the rest stays open.
          const part = 1 + Math.floor(rnd() * (open - 1));
          entry(part, kidRef(invoice.kid), "X");
          pay(invoice.number, part);
        } else if (kind === 2) {
          // Several invoices of one customer in the text, exactly their open sum (only if all still open).
          const same = invoices
            .filter((i) => i.customerId === invoice.customerId && expected.get(i.number)! > 0)
            .slice(0, 3);
          const total = same.reduce((s, i) => s + expected.get(i.number)!, 0);
          if (same.length && total > 0) {
            entry(total, `<Ustrd>Faktura ${same.map((i) => i.number).join(", ")}</Ustrd>`, "X");
            for (const i of same) pay(i.number, expected.get(i.number)!);
          }
        } else if (kind === 3) {
          // A wrong KID (check digit off): waits for review, changes nothing.
          const wrong = invoice.kid.slice(0, -1) + String((Number(invoice.kid.at(-1)) + 1) % 10);
          entry(500, kidRef(wrong), "X");
        } else if (kind === 4) {
          // An unknown payer with no reference: waits.
          entry(1234, "<Ustrd>Takk for sist</Ustrd>", "Ukjent Person");
        } else if (kind === 5 && open > 0) {
          // A text naming the invoice with a different amount: waits (rule 2 needs the exact open amount).
          entry(open + 1, `<Ustrd>Faktura ${invoice.number}</Ustrd>`, "X");
        }
      }
      const xml = `<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt><Acct><Id><IBAN>NO9386011117947</IBAN></Id></Acct>${entries.join("")}</Stmt></BkToCstmrStmt></Document>`;
      const { done } = await receiveAndProcess(db, { orgId: org.id, userId: user.id }, Buffer.from(xml));
      const stored = await db.invoice.findMany({
        where: { orgId: org.id },
        select: { number: true, amountMinor: true, paidMinor: true },
      });
      expect(Object.fromEntries(stored.map((i) => [i.number, Number(i.amountMinor - i.paidMinor)]))).toEqual(
        Object.fromEntries(expected),
      );
      // Nothing matched twice: no invoice paid beyond its amount, each matched line recorded once.
      expect(stored.every((i) => i.paidMinor <= i.amountMinor)).toBe(true);
      const perLine = await db.payment.groupBy({
        by: ["bankLineId"],
        where: { orgId: org.id },
        _sum: { amountMinor: true },
      });
      const lines = await db.bankLine.findMany({ where: { orgId: org.id, status: "matched" } });
      expect(perLine.length).toBe(lines.length);
      for (const l of lines) expect(perLine.find((p) => p.bankLineId === l.id)?._sum.amountMinor).toBe(l.amountMinor);
      expect(done!.counts.lines).toBe(entries.length);
      // Sent again: all duplicates, balances unchanged.
      const again = await receiveAndProcess(db, { orgId: org.id, userId: user.id }, Buffer.from(xml));
      expect(again.done!.counts.duplicates).toBe(entries.length);
    });
  }
});
