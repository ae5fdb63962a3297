// An accounting system's sync, as someone outside would write it: it knows the
// base URL, a token and the published OpenAPI document, nothing of this
// repository (it imports no app code: node built-ins, Ajv and the
// `standardwebhooks` package only). Every call is looked up in the document by
// its operationId, its request body is validated against the document before
// it is sent and the answer against the document after, so a drift between the
// document and what the server does fails here.
//
//   npx tsx tooling/api-client/sync-client.ts --base http://127.0.0.1:3000 --token ddk_… [--run <suffix>]
//
// It registers a webhook receiver on 127.0.0.1 (the server must allow private
// receivers: WEBHOOK_ALLOW_PRIVATE=1), keeps two customers and four invoices in
// step (twice: the second time changes nothing), records one payment with an
// Idempotency-Key (sent twice) and one credit note (sent twice: its number is
// its identity), posts a camt.053 statement paying one invoice and polls it
// until processed, reads the customer and the aging report, sends the first
// letter, reads it back, and waits for the signed `payment.recorded` and
// `letter.sent` webhooks and verifies their signatures. It prints one JSON
// summary line on stdout and exits 0, or 1 with the reason.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { isDeepStrictEqual, parseArgs } from "node:util";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { Webhook } from "standardwebhooks";

const { values: args } = parseArgs({
  options: { base: { type: "string" }, token: { type: "string" }, run: { type: "string" } },
});
if (!args.base || !args.token) {
  console.error("Usage: sync-client.ts --base <url> --token <token> [--run <suffix>]");
  process.exit(2);
}
const base = args.base.replace(/\/+$/, "");
const run = args.run ?? Date.now().toString(36);

interface Operation {
  method: string;
  path: string;
  hasBody: boolean;
  /** The request body's media types the document lists (application/json, or a file's types). */
  bodyTypes: string[];
}
interface OpenApiDoc {
  openapi: string;
  servers: { url: string }[];
  paths: Record<
    string,
    Record<
      string,
      {
        operationId: string;
        requestBody?: { content: Record<string, unknown> };
        responses: Record<string, unknown>;
      }
    >
  >;
}

const doc = (await (await fetch(`${base}/api/v1/openapi.json`)).json()) as OpenApiDoc;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ ...doc, $id: "api" });
const operations = new Map<string, Operation>();
for (const [path, methods] of Object.entries(doc.paths))
  for (const [method, op] of Object.entries(methods))
    operations.set(op.operationId, {
      method: method.toUpperCase(),
      path,
      hasBody: Boolean(op.requestBody),
      bodyTypes: Object.keys(op.requestBody?.content ?? {}),
    });

const pointer = (...parts: string[]) =>
  `api#/${parts.map((p) => encodeURIComponent(p.replaceAll("~", "~0").replaceAll("/", "~1"))).join("/")}`;

function checkAgainst(ref: string, value: unknown, what: string) {
  const validate = ajv.getSchema(ref);
  if (!validate) throw new Error(`${what}: the document has no schema at ${ref}`);
  if (!validate(value)) throw new Error(`${what} does not match the document: ${ajv.errorsText(validate.errors)}`);
}

/** Calls an operation by its operationId, as the document describes it; answers the status and the JSON body. */
async function call(
  operationId: string,
  input: {
    params?: Record<string, string>;
    query?: Record<string, string>;
    body?: unknown;
    /** A file sent as it is (a bank statement), with its media type: the document must list that type. */
    file?: { type: string; text: string };
    headers?: Record<string, string>;
  } = {},
  // biome-ignore lint/suspicious/noExplicitAny: the answer is checked against the document's schema before it is read
): Promise<{ status: number; body: any; replayed: boolean }> {
  const op = operations.get(operationId);
  if (!op) throw new Error(`The document has no operation ${operationId}`);
  const method = op.method.toLowerCase();
  if (input.file && !op.bodyTypes.includes(input.file.type))
    throw new Error(`${operationId} does not take ${input.file.type} (the document lists ${op.bodyTypes.join(", ")})`);
  if (op.hasBody && !input.file)
    checkAgainst(
      pointer("paths", op.path, method, "requestBody", "content", "application/json", "schema"),
      input.body,
      `${operationId}'s request`,
    );
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(input.params?.[name] ?? ""));
  const query = input.query ? `?${new URLSearchParams(input.query)}` : "";
  const response = await fetch(`${base}${doc.servers[0].url}${path}${query}`, {
    method: op.method,
    headers: {
      authorization: `Bearer ${args.token}`,
      ...(input.body === undefined ? {} : { "content-type": "application/json" }),
      ...(input.file ? { "content-type": input.file.type } : {}),
      ...input.headers,
    },
    body: input.file ? input.file.text : input.body === undefined ? undefined : JSON.stringify(input.body),
  });
  const type = (response.headers.get("content-type") ?? "").split(";")[0];
  const body = await response.json();
  const documented = doc.paths[op.path][method].responses[String(response.status)];
  if (!documented) throw new Error(`${operationId} answered ${response.status}, which the document does not list`);
  checkAgainst(
    pointer("paths", op.path, method, "responses", String(response.status), "content", type, "schema"),
    body,
    `${operationId}'s ${response.status} answer`,
  );
  if (response.status >= 300) throw new Error(`${operationId} answered ${response.status}: ${body.detail}`);
  return { status: response.status, body, replayed: response.headers.get("idempotent-replayed") === "true" };
}

// The receiver: every POST it gets, kept as sent (the signature covers the exact bytes).
const received: { headers: IncomingHttpHeaders; body: string }[] = [];
const receiver = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
    res.writeHead(204).end();
  });
});
await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/dunning-desk`;

/** The signed event of this type whose data passes `wanted`, verified with the endpoint's secret; waits up to 60 s. */
async function waitForEvent(secret: string, type: string, wanted: (data: Record<string, unknown>) => boolean) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    for (const hook of received) {
      // verify throws on a bad signature or a stale timestamp: every hook received must be genuine.
      const event = new Webhook(secret).verify(hook.body, hook.headers as Record<string, string>) as {
        type: string;
        data: Record<string, unknown>;
      };
      if (event.type === type && wanted(event.data))
        return { type: event.type, data: event.data, id: hook.headers["webhook-id"] };
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`No ${type} webhook arrived within 60 s`);
}

/** Polls a posted bank statement until it is processed (or failed); up to 60 s. */
async function pollStatement(id: string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const { body } = await call("getBankStatement", { params: { id } });
    if (body.status === "failed") throw new Error(`The bank statement failed: ${body.error}`);
    if (body.status === "processed") return body;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("The bank statement was not processed within 60 s");
}

/** A camt.053.001.08 statement (shaped after tests/fixtures/bank/hsbc-camt053-v08.xml) of one NOK credit naming an invoice. */
function camt053(invoiceNumber: string, amount: string, suffix: string) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>
<GrpHdr><MsgId>SYNC-${suffix}-20261119</MsgId><CreDtTm>2026-11-20T03:00:00Z</CreDtTm></GrpHdr>
<Stmt><Id>SYNC-${suffix}-STMT-20261119</Id>
<FrToDt><FrDtTm>2026-11-19T00:00:00Z</FrDtTm><ToDtTm>2026-11-19T23:59:59Z</ToDtTm></FrToDt>
<Acct><Id><IBAN>NO9386011117947</IBAN></Id><Ccy>NOK</Ccy></Acct>
<Ntry><Amt Ccy="NOK">${amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
<BookgDt><Dt>2026-11-19</Dt></BookgDt><AcctSvcrRef>SYNC-${suffix}-CR001</AcctSvcrRef>
<NtryDtls><TxDtls><Amt Ccy="NOK">${amount}</Amt>
<RltdPties><Dbtr><Pty><Nm>Fjord Bygg AS</Nm></Pty></Dbtr></RltdPties>
<RmtInf><Strd><RfrdDocInf><Nb>${invoiceNumber}</Nb></RfrdDocInf></Strd></RmtInf>
</TxDtls></NtryDtls></Ntry></Stmt></BkToCstmrStmt></Document>
`;
}

try {
  const endpoint = await call("postWebhookEndpoint", {
    body: { url: hookUrl, events: ["payment.recorded", "letter.sent"] },
  });
  const customers = [
    {
      reference: `K${run}-1`,
      name: "Fjord Bygg AS",
      countryCode: "NO",
      currency: "NOK",
      email: "ap@fjordbygg.example",
    },
    { reference: `K${run}-2`, name: "Lagune Srl", countryCode: "IT", currency: "EUR", email: "ap@lagune.example" },
  ];
  const invoices = [
    { number: `F${run}-1`, customerReference: customers[0].reference, currency: "NOK", amount: "12500.00" },
    { number: `F${run}-2`, customerReference: customers[0].reference, currency: "NOK", amount: "800.50" },
    { number: `F${run}-3`, customerReference: customers[1].reference, currency: "EUR", amount: "4300.00" },
  ].map((i) => ({ ...i, issueYear: 2026, issueDate: "2026-09-01", dueDate: "2026-09-30" }));
  const single = {
    customerReference: customers[1].reference,
    issueDate: "2026-10-01",
    dueDate: "2026-10-31",
    currency: "EUR",
    amount: "990.00",
  };
  const passes: Record<string, number>[] = [];
  for (let pass = 0; pass < 2; pass++) {
    const outcomes: Record<string, number> = {};
    const count = (o: string, n = 1) => {
      outcomes[o] = (outcomes[o] ?? 0) + n;
    };
    for (const { reference, ...fields } of customers)
      count((await call("putCustomer", { params: { reference }, body: fields })).body.outcome);
    const batch = await call("postInvoiceBatch", { body: { invoices } });
    for (const [outcome, n] of Object.entries(batch.body.counts as Record<string, number>)) if (n) count(outcome, n);
    count(
      (await call("putInvoice", { params: { number: `F${run}-4` }, query: { issueYear: "2026" }, body: single })).body
        .outcome,
    );
    passes.push(outcomes);
  }
  const payment = {
    customerReference: customers[0].reference,
    currency: "NOK",
    amount: "2500.00",
    receivedOn: "2026-11-18",
    invoiceNumber: `F${run}-1`,
    invoiceIssueYear: 2026,
    reference: `bank ${run}`,
  };
  const key = `pay-${run}`;
  const paid = await call("postPayment", { body: payment, headers: { "Idempotency-Key": key } });
  const again = await call("postPayment", { body: payment, headers: { "Idempotency-Key": key } });
  // A credit note: its number is its identity, so the same body sent again is answered `unchanged`.
  const creditNote = {
    number: `CN${run}-1`,
    customerReference: customers[1].reference,
    invoiceNumber: `F${run}-3`,
    invoiceIssueYear: 2026,
    currency: "EUR",
    amount: "300.00",
    issuedOn: "2026-11-19",
    reason: "Two pallets returned",
  };
  const credited = await call("postCreditNote", { body: creditNote });
  const creditedAgain = await call("postCreditNote", { body: creditNote });

  // The bank's camt.053: one credit naming invoice F…-2 in its structured reference, for its whole amount.
  const statement = await call("postBankStatement", {
    file: { type: "application/xml", text: camt053(`F${run}-2`, "800.50", run) },
  });
  const processed = await pollStatement(statement.body.id as string);
  // The same bank's CSV export of that day (semicolons, decimal comma): a gift from an unknown payer waits for review, the fee is money out.
  const csvStatement = await call("postBankStatement", {
    file: {
      type: "text/csv",
      text: `Bokført dato;Beløp;Valuta;Betaler;Forklaring\n19.11.2026;150,00;NOK;Ukjent Giver AS;Gave ${run}\n19.11.2026;-99,00;NOK;;Gebyr\n`,
    },
  });
  const csvProcessed = await pollStatement(csvStatement.body.id as string);
  const account = await call("getCustomer", { params: { reference: customers[0].reference } });
  const aging = await call("getAging", { query: { asOf: "2026-11-20" } });

  // The first letter to the EUR customer, exactly as the button sends it, then read back.
  const sent = await call("postLetter", {
    body: { customerReference: customers[1].reference, currency: "EUR", stage: 1, channel: "post" },
  });
  const letter = await call("getLetter", { params: { id: sent.body.letterId } });

  // The signed webhooks: wait for them (the server's job queue delivers them).
  const paymentHook = await waitForEvent(
    endpoint.body.secret,
    "payment.recorded",
    (data) => data.amount === payment.amount && data.receivedOn === payment.receivedOn,
  );
  const letterHook = await waitForEvent(
    endpoint.body.secret,
    "letter.sent",
    (data) => data.letterId === sent.body.letterId,
  );
  console.log(
    JSON.stringify({
      ok: true,
      passes,
      payment: {
        status: paid.status,
        replayedStatus: again.status,
        replayed: again.replayed,
        // The replay is the first answer (keys may come back in another order: it is stored as jsonb).
        same: isDeepStrictEqual(paid.body, again.body),
      },
      creditNote: {
        statuses: [credited.status, creditedAgain.status],
        outcomes: [credited.body.outcome, creditedAgain.body.outcome],
        sameId: credited.body.id === creditedAgain.body.id,
      },
      bankStatement: { id: statement.body.id, status: statement.status, processed },
      csvStatement: { status: csvStatement.status, processed: csvProcessed },
      balance: account.body,
      aging: aging.body,
      letter: { status: sent.status, sent: sent.body, read: letter.body },
      webhook: paymentHook,
      letterWebhook: letterHook,
    }),
  );
} catch (error) {
  console.log(JSON.stringify({ ok: false, error: (error as Error).message }));
  process.exitCode = 1;
} finally {
  receiver.close();
}
