import { z } from "zod";
import { defineOperation } from "@/lib/api-runtime/define-operation";
import { getBankStatementStatus } from "@/lib/bank/get-bank-statement-status";
import { MAX_BANK_STATEMENT_BYTES, receiveBankStatement } from "@/lib/bank/receive-bank-statement";
import { AppError } from "@/lib/errors/app-error";
import { bankCsvColumns } from "@/lib/imports/read-bank-csv";
import { day } from "../fields";

const STATUSES = ["queued", "processing", "processed", "failed"] as const;

const received = z
  .object({
    id: z.uuid(),
    status: z.enum(STATUSES),
    duplicateOf: z.uuid().optional().meta({
      description: "The same bytes were received before as this statement: every line will count as a duplicate.",
    }),
  })
  .meta({ id: "BankStatementReceived" });

const count = z.int().min(0);
const statusSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(STATUSES),
    format: z.string().meta({ description: 'The message read, e.g. "camt.053.001.02" (empty until processed).' }),
    accountIban: z.string(),
    fromDate: day.nullable(),
    toDate: day.nullable(),
    counts: z.object({
      lines: count,
      matched: count.meta({ description: "Recorded as payments by themselves (KID, RF, invoice number)." }),
      review: count.meta({ description: "Waiting in the review queue with the reason." }),
      duplicates: count.meta({ description: "Imported before (this file or an earlier one): skipped." }),
      ignored: count.meta({ description: "Debits, returns, unbooked entries and bank charges." }),
    }),
    error: z.string().optional().meta({ description: "Why the file could not be read (status failed)." }),
  })
  .meta({ id: "BankStatementStatus" });

/** A camt.053.001.08 statement of one credit naming invoice INV-7002 (tests/fixtures/bank/hsbc-camt053-v08.xml, shortened). */
const EXAMPLE_CAMT053 = `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>
<GrpHdr><MsgId>HSBC-GB-20261204</MsgId><CreDtTm>2026-12-05T03:00:00Z</CreDtTm></GrpHdr>
<Stmt><Id>HSBC-400515-20261204</Id>
<FrToDt><FrDtTm>2026-12-04T00:00:00Z</FrDtTm><ToDtTm>2026-12-04T23:59:59Z</ToDtTm></FrToDt>
<Acct><Id><IBAN>GB29MIDL40051512345678</IBAN></Id><Ccy>GBP</Ccy></Acct>
<Ntry><Amt Ccy="GBP">600.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
<BookgDt><Dt>2026-12-04</Dt></BookgDt><AcctSvcrRef>HSBC0412CR00071</AcctSvcrRef>
<NtryDtls><TxDtls><Amt Ccy="GBP">600.00</Amt>
<RltdPties><Dbtr><Pty><Nm>Thames Tooling Limited</Nm></Pty></Dbtr></RltdPties>
<RmtInf><Strd><RfrdDocInf><Nb>INV-7002</Nb></RfrdDocInf></Strd></RmtInf>
</TxDtls></NtryDtls></Ntry></Stmt></BkToCstmrStmt></Document>
`;

export const postBankStatement = defineOperation({
  operationId: "postBankStatement",
  method: "POST",
  path: "/bank-statements",
  tag: "Bank",
  summary: "Hand over a bank statement file (camt.053/054, or the bank's CSV export)",
  description:
    'The body is the file exactly as the bank delivered it. It is stored and queued; matching runs on the job queue, so the answer is 202 at once: follow `Location` (GET) for the counts. Lines imported before are skipped, so sending the same file twice records nothing twice (the answer names `duplicateOf`). When processed, the `bank_statement.processed` webhook event is sent. A bank\'s CSV export (`text/csv`) is read through the organization\'s remembered "Bank statement" mapping of the Import page where its headers are in the file, else through the headers we recognise (date, amount or money in/out, currency, KID/reference, payer, payer account, text); when no column holds the date or the amount, the answer is 400 naming the missing fields, and nothing is stored. A CSV covers up to its newest booking date (or its statement date column), which feeds "payments known up to".',
  scope: "write",
  rawBody: {
    contentTypes: ["application/xml", "text/xml", "text/csv"],
    maxBytes: MAX_BANK_STATEMENT_BYTES,
    description:
      "The camt.053, camt.054 or camt.052 XML file as the bank delivered it, or the bank's CSV export (text/csv; comma, semicolon or tab separated, UTF-8 or Windows-1252).",
  },
  example: { headers: { "Content-Type": "application/xml" }, body: EXAMPLE_CAMT053 },
  responses: {
    202: {
      description: "Received and queued.",
      schema: received,
      headers: { Location: "Where its status is (GET, same token)." },
    },
  },
  run: async (ctx, { raw }) => {
    const csv = /^text\/csv\b/i.test(raw!.contentType);
    const csvColumns = csv ? await bankCsvColumns(ctx.db, { orgId: ctx.orgId, bytes: raw!.bytes }) : undefined;
    const done = await receiveBankStatement(ctx.db, {
      csvColumns,
      orgId: ctx.orgId,
      actor: ctx.actor,
      bytes: raw!.bytes,
      contentType: raw!.contentType,
      source: "api",
    });
    return {
      status: 202,
      headers: { Location: `/api/v1/bank-statements/${done.id}` },
      body: { id: done.id, status: "queued", ...(done.duplicateOf ? { duplicateOf: done.duplicateOf } : {}) },
    };
  },
});

export const getBankStatement = defineOperation({
  operationId: "getBankStatement",
  method: "GET",
  path: "/bank-statements/{id}",
  tag: "Bank",
  summary: "Where a received bank statement stands",
  description:
    "queued, processing, processed (with the counts of lines matched, waiting for review, duplicates and ignored) or failed (with the reason).",
  scope: "read",
  params: z.object({ id: z.string().max(100) }),
  example: { params: { id: "{bankStatementId}" } },
  responses: { 200: { description: "Its status.", schema: statusSchema } },
  run: async (ctx, { params }) => {
    const status = await getBankStatementStatus(ctx.db, { orgId: ctx.orgId, id: params.id });
    if (!status) throw new AppError("NOT_FOUND", "That bank statement was not found.");
    return { body: status };
  },
});
