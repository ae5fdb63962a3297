import { z } from "zod";
import type { AnyApiOperation } from "./define-operation";
import { PROBLEM_CONTENT_TYPE } from "./problem";

type JsonSchema = Record<string, unknown>;

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.int(),
    detail: z.string(),
    code: z.string(),
    errors: z.record(z.string(), z.array(z.string())).optional().meta({
      description: "The fields that need attention, by name, each with what to correct.",
    }),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details." });

const PROBLEMS: Record<number, string> = {
  400: "Invalid input: `errors` names each field.",
  401: "No token, or a revoked, expired or unknown one.",
  403: "The token lacks the scope.",
  404: "Not found in the token's organization.",
  409: "Conflicts with what is stored (the detail says what).",
  429: "Rate limit: wait `Retry-After` seconds.",
};

/**
 * The OpenAPI 3.1 document, generated from the operations' own zod schemas
 * (zod 4's JSON Schema output, draft 2020-12, which OpenAPI 3.1 uses): what a
 * route validates with is what the document describes. Schemas with a
 * `.meta({ id })` become named components.
 */
export function openApiDocument(operations: AnyApiOperation[], serverUrl = "/api/v1") {
  const components: Record<string, JsonSchema> = {};
  const toSchema = (schema: z.ZodType, io: "input" | "output"): JsonSchema => {
    const generated = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" });
    // Named schemas (.meta({ id })) come back under $defs: they become components, referred to there.
    const json = JSON.parse(
      JSON.stringify(generated).replaceAll('"#/$defs/', '"#/components/schemas/'),
    ) as JsonSchema & {
      $defs?: Record<string, JsonSchema>;
    };
    const { $defs, $schema: _schema, ...rest } = json;
    Object.assign(components, $defs ?? {});
    return rest;
  };

  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    (paths[op.path] ??= {})[op.method.toLowerCase()] = operationObject(op, toSchema);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Dunning Desk API",
      version: "1.0.0",
      description:
        "Keep customers, invoices, credit notes and payments in step with an accounting system, read the aging report and send letters. Authenticate with `Authorization: Bearer <token>` (Settings → API tokens). Amounts are decimal strings in the currency's unit. Errors are RFC 9457 `application/problem+json`.",
    },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }],
    paths,
    components: {
      schemas: components,
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "An API token (ddk_…)." } },
    },
  };
}

function operationObject(op: AnyApiOperation, toSchema: (s: z.ZodType, io: "input" | "output") => JsonSchema) {
  const parameters: unknown[] = [];
  const addParameters = (schema: z.ZodType | undefined, where: "path" | "query") => {
    if (!schema) return;
    const examples = (where === "path" ? op.example.params : op.example.query) ?? {};
    const json = toSchema(schema, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, property] of Object.entries(json.properties ?? {})) {
      const { description, ...rest } = property as JsonSchema & { description?: string };
      parameters.push({
        name,
        in: where,
        required: where === "path" || (json.required ?? []).includes(name),
        ...(description ? { description } : {}),
        // "{letterId}" stands for an id the example scenario makes: no example to show.
        ...(examples[name] && !examples[name].startsWith("{") ? { example: examples[name] } : {}),
        schema: rest,
      });
    }
  };
  addParameters(op.params, "path");
  addParameters(op.query, "query");
  if (op.idempotencyKey)
    parameters.push({
      name: "Idempotency-Key",
      in: "header",
      required: op.idempotencyKey === true,
      description:
        op.idempotencyKey === true
          ? "Unique per payment and the same on every retry of it (a UUID)."
          : "Optional: unique per request and the same on every retry of it (a UUID); a retry answers the first result again.",
      example: op.example.headers?.["Idempotency-Key"],
      schema: { type: "string", minLength: 1, maxLength: 255 },
    });
  const responses: Record<string, unknown> = {};
  for (const [status, response] of Object.entries(op.responses)) {
    responses[status] = {
      description: response.description,
      ...(response.headers
        ? {
            headers: Object.fromEntries(
              Object.entries(response.headers).map(([name, description]) => [
                name,
                { description, schema: { type: "string" } },
              ]),
            ),
          }
        : {}),
      content:
        op.produces === "application/pdf"
          ? { "application/pdf": { schema: { type: "string", contentMediaType: "application/pdf" } } }
          : { "application/json": { schema: toSchema(response.schema!, "output") } },
    };
  }
  const problems = op.rawBody
    ? { ...PROBLEMS, 413: `The file is larger than ${op.rawBody.maxBytes / 1024 / 1024} MB.` }
    : PROBLEMS;
  for (const [status, description] of Object.entries(problems)) {
    if (status === "400" && !op.params && !op.query && !op.body && !op.rawBody) continue;
    responses[status] = {
      description,
      content: { [PROBLEM_CONTENT_TYPE]: { schema: toSchema(problemSchema, "output") } },
    };
  }
  return {
    operationId: op.operationId,
    summary: op.summary,
    description: op.description,
    tags: [op.tag],
    security: [{ bearer: [] }],
    "x-scope": op.scope,
    ...(parameters.length ? { parameters } : {}),
    ...(op.body
      ? {
          requestBody: {
            required: true,
            content: { "application/json": { schema: toSchema(op.body, "input"), example: op.example.body } },
          },
        }
      : {}),
    ...(op.rawBody
      ? {
          requestBody: {
            required: true,
            description: op.rawBody.description,
            content: Object.fromEntries(
              op.rawBody.contentTypes.map((type, i) => [
                type,
                {
                  schema: { type: "string", contentMediaType: type },
                  ...(i === 0 && op.example.body !== undefined ? { example: op.example.body } : {}),
                },
              ]),
            ),
          },
        }
      : {}),
    responses,
  };
}
