// The layers of lib/, kept by a machine: `npm run lint:layers`, and `npm test` runs it
// right after Biome. docs/architecture.md draws the same picture.
//
//   composition   worker server-actions
//   outputs       statements handoff-pack exports today dashboard api webhooks portal customer-page   (no arrows between them)
//   workflow      policies > collections > documents > delivery > letters > imports > bank > inbound
//   records       users > organizations > setup > customers > rates > law > history > invoices > cases > aging > ledger
//   platform      errors > db > audit > auth > http > jobs > events > actions > api-runtime > sandbox
//   kernel        generated money time locale iso stages csv
//
// A folder imports only folders below it: in a lower tier, or earlier in its own tier's list
// (records and workflow are ordered bottom-up). The outputs import nothing of each other: each
// composes records and workflow, so any one can change or go without touching the rest.
// Test files (*.test.ts) may import anything. Folders that do not exist yet are listed where
// they will go, so a new folder needs no edit here.

/** Shared kernels: pure values and formats every layer uses (generated = Prisma's types). */
const KERNEL = [
  "generated",
  "money",
  "time",
  "locale",
  "iso",
  // A dunning stage (1-4): law, collections and letters share the one definition.
  "stages",
  // CSV writing with formula injection defused: the exports and the hand-off pack both write CSV.
  "csv",
];
/** Platform: the database, errors, sessions and the Actor, the audit log, HTTP, the job queue, the events a change emits (queued as webhook deliveries in its transaction), the server-action runtime, the API runtime (tokens, problem+json, rate limit, idempotency), the sandbox for untrusted files. */
const PLATFORM = ["errors", "db", "audit", "auth", "http", "jobs", "events", "actions", "api-runtime", "sandbox"];
/** Records: the facts, lowest first. They know nothing of what the workflow does with them. */
const RECORDS = [
  // The people who sign in (records of the organization, set by admins).
  "users",
  // The organization's own fields and settings.
  "organizations",
  // First-run setup: the first organization and its first admin (organizations, users).
  "setup",
  "customers",
  // Exchange rates and the base currency: dated data, so aging, collections and the dashboard convert with it.
  "rates",
  // Country profiles, rates and charges: pure law over the kernel, so every workflow may ask it.
  "law",
  // The hash chain and its signed checkpoints: letters and packs print them.
  "history",
  // Invoice copies (PDFs, content-addressed) and the list a letter encloses: documents and delivery attach them.
  "invoices",
  // The collection case of an account (open, lock, close when settled): the ledger closes a settled case.
  "cases",
  "aging",
  // Money movements: invoices, credits, write-offs, reversals (reads account credit from aging).
  "ledger",
];
/** Workflow: what is done to an account, lowest first. */
const WORKFLOW = [
  // The organization's rules for when to act (below collections, which applies them).
  "policies",
  "collections",
  // A document's path out: its PDF (letters, statements, protocol forms, print runs) and the letterhead;
  // below delivery, which attaches the PDFs, and letters, which stamp the letterhead.
  "documents",
  // The outbox: the channel a letter takes, email deliveries queued, sent and answered.
  "delivery",
  "letters",
  // Bank statements matched to open invoices (records payments through collections and the ledger).
  "bank",
  // File imports; a bank's CSV export is an import kind that records its lines through lib/bank.
  "imports",
  // Inbound mail and replies from customers.
  "inbound",
];
/** Outputs and read views: each composes the tiers below and none imports another. */
const OUTPUTS = [
  // Statements of account: the letters' phrases and layout, documents and delivery.
  "statements",
  "handoff-pack",
  "exports",
  // A collector's day: reads across collections, disputes and deliveries (SQL over their tables).
  "today",
  // How collection is going: reads aging, payments, promises, letters and hand-offs.
  "dashboard",
  // The public API and outgoing webhooks compose domain verbs; the customer portal reads an account.
  "api",
  "webhooks",
  "portal",
  // The customer page's sections, each with its own loader (account, collections, ledger, charges, history).
  "customer-page",
];
/**
 * Composition roots: wire domain pieces together. worker: the job queue's task list and
 * housekeeping; server-actions: the registry of every action definition by name and the one
 * "use server" entry that runs them (pages bind it to a name).
 */
const COMPOSITION = ["worker", "server-actions"];

const DOMAIN = [...RECORDS, ...WORKFLOW, ...OUTPUTS];
const ORDERED = [...KERNEL, ...PLATFORM, ...RECORDS, ...WORKFLOW];
const ORDER = [...ORDERED, ...OUTPUTS, ...COMPOSITION];
const folders = (names) => `^lib/(${names.join("|")})/`;
const TESTS = "\\.test\\.tsx?$";

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "Modules that import each other: split the shared part into a lower module.",
      from: {},
      to: { circular: true },
    },
    {
      name: "lib-folder-has-a-layer",
      severity: "error",
      comment: "Every folder in lib/ belongs to a layer: add it to a list in .dependency-cruiser.cjs.",
      from: { path: "^lib/[^/]+/", pathNot: [folders(ORDER), TESTS] },
      to: {},
    },
    {
      name: "kernel-imports-only-kernel",
      severity: "error",
      comment: "money, time and the other kernels are pure: they import no platform or domain folder.",
      from: { path: folders(KERNEL), pathNot: TESTS },
      to: { path: "^lib/", pathNot: folders(KERNEL) },
    },
    {
      name: "platform-imports-no-domain",
      severity: "error",
      comment: "Platform code (db, jobs, http, errors, actions, auth, audit, config) knows no domain folder.",
      from: { path: [folders(PLATFORM), "^lib/config\\.ts$"], pathNot: TESTS },
      to: { path: folders([...DOMAIN, ...COMPOSITION]) },
    },
    // One rule per ordered folder: it imports nothing listed above it (outputs and composition included).
    ...ORDERED.map((name, i) => ({
      name: `layer-order:${name}`,
      severity: "error",
      comment: `lib/${name} imports only folders below it (.dependency-cruiser.cjs lists the order).`,
      from: { path: `^lib/${name}/`, pathNot: TESTS },
      to: { path: folders(ORDER.slice(i + 1)) },
    })),
    // One rule per output: no other output, nothing above.
    ...OUTPUTS.map((name) => ({
      name: `outputs-side-by-side:${name}`,
      severity: "error",
      comment: `lib/${name} is an output: it composes records and workflow, never another output (move the shared part down).`,
      from: { path: `^lib/${name}/`, pathNot: TESTS },
      to: { path: folders([...OUTPUTS.filter((other) => other !== name), ...COMPOSITION]) },
    })),
    {
      name: "components-import-no-app",
      severity: "error",
      comment: "Components only present: a page passes them its server actions; components import nothing from app/.",
      from: { path: "^components/" },
      to: { path: "^app/" },
    },
    {
      name: "pages-read-through-lib",
      severity: "error",
      comment: "Pages and components call a loader in lib/<domain>, never the database client.",
      from: { path: "^(app|components)/" },
      to: { path: "^lib/db/" },
    },
    {
      name: "lib-imports-no-tooling-or-app",
      severity: "error",
      comment: "The product does not depend on demo data, benchmarks, scripts, tests, routes or components.",
      from: { path: "^lib/", pathNot: TESTS },
      to: { path: "^(tooling|scripts|tests|e2e|app|components)/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^lib/generated/" },
    tsConfig: { fileName: "tsconfig.json" },
    // TypeScript 7 has no JavaScript API for dependency-cruiser to parse with: Babel
    // strips the types instead, keeping type-only imports (see the file).
    babelConfig: { fileName: ".dependency-cruiser.babel.cjs" },
    enhancedResolveOptions: { extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"] },
  },
};
