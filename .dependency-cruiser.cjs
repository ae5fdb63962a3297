// The layers of lib/, kept by a machine: `npm run lint:layers`, and `npm test` runs it
// right after Biome. The README's "Map of the code" draws the same picture.
//
// Each list runs bottom-up: a folder imports only folders below it, in its own
// layer or a lower one. Test files (*.test.ts) may import anything.

/** Shared kernels: pure values and formats every layer uses (generated = Prisma's types). */
const KERNEL = ["generated", "money", "time", "locale", "iso"];
/** Platform: the database, errors, sessions, the audit log, HTTP, the job queue, the server-action runtime. */
const PLATFORM = ["errors", "db", "audit", "auth", "http", "jobs", "actions"];
/** The product, lowest first: letters sit above collections, the hand-off pack above letters. */
const DOMAIN = [
  // The organization's own fields and settings (setup writes them too).
  "organizations",
  // Exchange rates and the base currency: dated data over the kernel, so aging, collections and the dashboard convert with it.
  "rates",
  "customers",
  // Country profiles, rates and charges: pure law over the kernel, so every workflow may ask it.
  "law",
  // The hash chain and its signed checkpoints: letters and packs print them.
  "history",
  "aging",
  "collections",
  // Invoice copies (PDFs, content-addressed) and the list a letter encloses: documents and delivery attach them.
  "invoices",
  // Corrections as entries (credit notes, write-offs, reversals): above the collections verbs it closes cases with.
  "ledger",
  "imports",
  "exports",
  "documents",
  "delivery",
  "users",
  // A collector's day: reads across collections, disputes and deliveries (SQL over their tables).
  "today",
  // First-run setup: the first organization and its first admin (organizations, users).
  "setup",
  "letters",
  // Statements of account: the letters' phrases and layout, documents and delivery.
  "statements",
  // The customer's page behind every letter: reads the account, records what the customer says there.
  "portal",
  "handoff-pack",
  // How collection is going: reads aging, payments, promises, letters and hand-offs (above all of them).
  "dashboard",
];
/** Composition root: wires domain pieces together (the worker's task list, housekeeping). */
const COMPOSITION = ["worker"];

const ORDER = [...KERNEL, ...PLATFORM, ...DOMAIN, ...COMPOSITION];
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
    // One rule per folder: it imports nothing listed above it.
    ...ORDER.map((name, i) => ({
      name: `layer-order:${name}`,
      severity: "error",
      comment: `lib/${name} imports only folders below it (.dependency-cruiser.cjs lists the order).`,
      from: { path: `^lib/${name}/`, pathNot: TESTS },
      to: { path: i + 1 < ORDER.length ? folders(ORDER.slice(i + 1)) : "^$" },
    })),
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
