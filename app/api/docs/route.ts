// The API reference, rendered in the browser by Scalar from /api/v1/openapi.json.
// The renderer is served from our own node_modules (app/api/docs/scalar.js), never a CDN;
// its web fonts are switched off (they would come from Scalar's servers, which the CSP refuses anyway).
const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Dunning Desk API reference</title>
  </head>
  <body>
    <div id="app"></div>
    <script src="/api/docs/scalar.js"></script>
    <script>
      Scalar.createApiReference("#app", {
        url: "/api/v1/openapi.json",
        withDefaultFonts: false,
        hideClientButton: true,
        hideDarkModeToggle: false,
        telemetry: false,
        agent: { disabled: true },
        mcp: { disabled: true },
      });
    </script>
  </body>
</html>`;

export function GET() {
  return new Response(PAGE, {
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "public, max-age=300" },
  });
}
