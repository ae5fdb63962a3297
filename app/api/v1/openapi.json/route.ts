import { openApiDocument } from "@/lib/api/openapi";

// The OpenAPI 3.1 document, generated from the operations' zod schemas; public, like the reference page.
export function GET() {
  return Response.json(openApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
}
