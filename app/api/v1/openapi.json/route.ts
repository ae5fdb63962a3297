import { openApiDocument } from "@/lib/api-runtime/openapi";
import { ALL_OPERATIONS } from "../operations";

// The OpenAPI 3.1 document, generated from the operations' zod schemas; public, like the reference page.
export function GET() {
  return Response.json(openApiDocument(ALL_OPERATIONS), { headers: { "Cache-Control": "public, max-age=300" } });
}
