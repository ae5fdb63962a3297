import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { ALL_OPERATIONS as API_OPERATIONS } from "@/app/api/v1/operations";
import { createApiToken } from "@/lib/api-runtime/create-api-token";
import { useApiServer } from "./api-server";
import { useTestDb } from "./db";
import { createOrg } from "./factories";

// The contract: every operation's example request (the ones the document shows)
// is sent with fetch to the route handlers behind a real HTTP server, and every
// answer, the refusals too, is validated against GET /api/v1/openapi.json with
// Ajv (JSON Schema 2020-12, as OpenAPI 3.1 uses): status listed, content type
// listed, body valid. The document is fetched, not imported: what a client reads.
process.env.DUNNING_FROZEN_NOW = "2026-11-20T09:00:00Z";
// The example endpoint is a receiver on this machine: private addresses are allowed for this test.
process.env.WEBHOOK_ALLOW_PRIVATE = "1";
const db = useTestDb();
const server = useApiServer();

/** The examples in the order a sync runs them: the customer first, reads after the writes. */
const SCENARIO = [
  "postWebhookEndpoint",
  "putCustomer",
  "putInvoice",
  "postInvoiceBatch",
  "postPayment",
  "postCreditNote",
  "postLetter",
  "getLetter",
  "getLetterPdf",
  "getCustomer",
  "getCustomerHistory",
  "getAging",
  "listAccounts",
  "postBankStatement",
  "getBankStatement",
];

interface Doc {
  openapi: string;
  paths: Record<
    string,
    Record<string, { operationId: string; responses: Record<string, { content: Record<string, unknown> }> }>
  >;
}

function validatorFor(doc: Doc) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ ...doc, $id: "doc" });
  return (path: string, method: string, status: number, type: string, body: unknown) => {
    const responses = doc.paths[path][method].responses;
    expect(Object.keys(responses), `${method} ${path} documents ${status}`).toContain(String(status));
    const mediaType = type.split(";")[0];
    expect(Object.keys(responses[status].content), `${method} ${path} ${status} documents ${mediaType}`).toContain(
      mediaType,
    );
    if (mediaType === "application/pdf") return;
    const pointer = ["paths", path, method, "responses", String(status), "content", mediaType, "schema"]
      .map((p) => encodeURIComponent(p.replaceAll("~", "~0").replaceAll("/", "~1")))
      .join("/");
    const validate = ajv.getSchema(`doc#/${pointer}`)!;
    const valid = validate(body);
    expect(validate.errors ?? [], `${method} ${path} ${status}: ${JSON.stringify(body).slice(0, 400)}`).toEqual([]);
    expect(valid).toBe(true);
  };
}

async function send(
  token: string,
  method: string,
  path: string,
  init: { body?: unknown; headers?: Record<string, string> } = {},
) {
  const response = await fetch(`${server.url()}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      // A file's Content-Type comes with its example's headers.
      ...(init.body === undefined || typeof init.body === "string" ? {} : { "content-type": "application/json" }),
      ...init.headers,
    },
    // A file operation's example body is the file's text, sent as it is.
    body: init.body === undefined || typeof init.body === "string" ? init.body : JSON.stringify(init.body),
  });
  const type = response.headers.get("content-type") ?? "";
  const body = type.includes("json") ? await response.json() : new Uint8Array(await response.arrayBuffer());
  return { status: response.status, type, body };
}

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 with every operation, and its schemas compile", async () => {
    const doc = (await (await fetch(`${server.url()}/api/v1/openapi.json`)).json()) as Doc & {
      components: { schemas: Record<string, unknown> };
    };
    expect(doc.openapi).toBe("3.1.0");
    const ids = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((o) => o.operationId));
    expect(ids.sort()).toEqual(API_OPERATIONS.map((o) => o.operationId).sort());
    expect(ids.sort()).toEqual([...SCENARIO].sort());
    const ajv = new Ajv2020({ strict: true, strictTypes: false, allowUnionTypes: true });
    addFormats(ajv);
    ajv.addKeyword("example");
    // Components may refer to each other (#/components/schemas/X): compiled together, each then by reference.
    const $defs = JSON.parse(
      JSON.stringify(doc.components.schemas).replaceAll('"#/components/schemas/', '"#/$defs/'),
    ) as Record<string, object>;
    expect(() => ajv.addSchema({ $id: "components", $defs })).not.toThrow();
    for (const name of Object.keys($defs))
      expect(() => ajv.compile({ $ref: `components#/$defs/${name}` }), name).not.toThrow();
  });

  it("every example request answers as the document says, and so do the refusals", async () => {
    const org = await createOrg(db);
    const token = await createApiToken(db, {
      orgId: org.id,
      name: "contract",
      scopes: ["read", "write"],
      createdById: null,
      via: "cli",
      now: new Date(),
    });
    const doc = (await (await fetch(`${server.url()}/api/v1/openapi.json`)).json()) as Doc;
    const check = validatorFor(doc);
    // The check can fail: a body the document does not describe, an undocumented status.
    expect(() => check("/customers/{reference}", "put", 201, "application/json", { outcome: "maybe" })).toThrow();
    expect(() => check("/aging", "get", 201, "application/json", {})).toThrow();
    const byId = new Map(API_OPERATIONS.map((o) => [o.operationId, o]));
    let letterId = "";
    let bankStatementId = "";
    const receiver = createServer((_req, res) => res.writeHead(204).end());
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    const receiverPort = String((receiver.address() as AddressInfo).port);
    for (const id of SCENARIO) {
      const op = byId.get(id)!;
      const params = Object.fromEntries(
        Object.entries(op.example.params ?? {}).map(([k, v]) => [
          k,
          v === "{letterId}" ? letterId : v === "{bankStatementId}" ? bankStatementId : v,
        ]),
      );
      const path =
        op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name])) +
        (op.example.query ? `?${new URLSearchParams(op.example.query)}` : "");
      const body =
        op.example.body === undefined
          ? undefined
          : JSON.parse(JSON.stringify(op.example.body).replaceAll("{receiverPort}", receiverPort));
      const answer = await send(token.secret, op.method, path, { body, headers: op.example.headers });
      expect(answer.status, `${id}: ${JSON.stringify(answer.body).slice(0, 300)}`).toBeLessThan(300);
      check(op.path, op.method.toLowerCase(), answer.status, answer.type, answer.body);
      if (id === "postLetter") letterId = (answer.body as { letterId: string }).letterId;
      if (id === "postBankStatement") bankStatementId = (answer.body as { id: string }).id;
    }
    // The examples again: idempotent PUTs answer unchanged, the payment its first answer, the letter a 409.
    for (const id of ["putCustomer", "putInvoice", "postInvoiceBatch", "postPayment", "postCreditNote", "postLetter"]) {
      const op = byId.get(id)!;
      const path =
        op.path.replace(/\{(\w+)\}/g, (_, name: string) => op.example.params![name]) +
        (op.example.query ? `?${new URLSearchParams(op.example.query)}` : "");
      const answer = await send(token.secret, op.method, path, { body: op.example.body, headers: op.example.headers });
      check(op.path, op.method.toLowerCase(), answer.status, answer.type, answer.body);
      if (id.startsWith("put") || id === "postCreditNote")
        expect((answer.body as { outcome: string }).outcome).toBe("unchanged");
      if (id === "postLetter") expect(answer.status).toBe(409);
      // The batch's key answers its first result again (two created), not "unchanged".
      if (id === "postInvoiceBatch") expect((answer.body as { counts: object }).counts).toMatchObject({ created: 2 });
    }
    expect(await db.payment.count({ where: { orgId: org.id } })).toBe(1);
    receiver.close();

    // Refusals are documented problems too.
    const refusals: [string, string, string, { body?: unknown; headers?: Record<string, string> }?, string?][] = [
      ["/customers/{reference}", "GET", "/customers/nobody", {}],
      ["/aging", "GET", "/aging?asOf=tomorrow"],
      ["/payments", "POST", "/payments", { body: { amount: 12 } }],
      ["/invoices/{number}", "PUT", "/invoices/1", { body: { customerReference: "10042" } }],
      ["/invoices/batch", "POST", "/invoices/batch", { body: { invoices: [] } }],
      ["/letters/{id}", "GET", "/letters/not-a-uuid"],
      ["/bank-statements", "POST", "/bank-statements", { body: { file: "x" } }],
      ["/bank-statements/{id}", "GET", "/bank-statements/00000000-0000-4000-8000-000000000000"],
      ["/accounts", "GET", "/accounts", {}, "ddk_unknown"],
    ];
    for (const [template, method, path, init, secret] of refusals) {
      const answer = await send(secret ?? token.secret, method, path, init);
      expect(answer.type).toBe("application/problem+json");
      check(template, method.toLowerCase(), answer.status, answer.type, answer.body);
    }
  });
});
