import { randomBytes } from "node:crypto";
import { Client } from "pg";

// The app connects as a role that reads and writes rows but owns nothing. The
// append-only guard and the hash chain are triggers, and only a table's owner
// may disable a trigger, truncate, alter or drop a table: the owner runs the
// migrations (and the tamper tests), the app never holds those powers.
// BYPASSRLS: graphile-worker guards its private tables with row-level security
// that only their owner passes; our own tables use none, so this grants nothing else.

const SCHEMAS = ["public", "graphile_worker"];

/**
 * What the app's role may do to each of our tables, beyond SELECT: the least
 * it needs (docs/operations.md "Trust and evidence" lists the same). A table not named
 * here gets SELECT, INSERT and UPDATE (no DELETE); tests/app-role.test.ts
 * checks every table against this list and the list against the code.
 */
export const APP_TABLE_GRANTS: Record<string, string[]> = {
  // Evidence: append-only (the triggers refuse UPDATE and DELETE for everyone anyway).
  // Letters are row-locked (FOR KEY SHARE) while a delivery is requested, which
  // PostgreSQL allows only with an UPDATE right: on the id column alone, which the trigger refuses to change.
  letters: ["INSERT", "UPDATE (id)"],
  contact_attempts: ["INSERT"],
  audit_events: ["INSERT"],
  payment_promises: ["INSERT"],
  payment_plans: ["INSERT"],
  invoice_disputes: ["INSERT"],
  agency_handoffs: ["INSERT"],
  account_events: ["INSERT"],
  history_checkpoints: ["INSERT"],
  // Internal remarks: append-only too (follow_ups keep the default: closed once by UPDATE, never deleted).
  internal_notes: ["INSERT"],
  // Invoice copies are content-addressed: stored once (ON CONFLICT DO NOTHING), never changed.
  invoice_files: ["INSERT"],
  // A day's aging totals, written once (ON CONFLICT DO NOTHING), never changed (a trigger refuses it too).
  aging_snapshots: ["INSERT"],
  // Moved only by the chain's SECURITY DEFINER triggers.
  history_chain_heads: [],
  // The migration record is the owner's alone.
  _prisma_migrations: [],
  // Deleted by the app: an imported file's bytes, a dead worker's heartbeat, a removed
  // bank account (letters keep the account they named in their letterhead snapshot).
  import_file_chunks: ["INSERT", "UPDATE", "DELETE"],
  job_workers: ["INSERT", "UPDATE", "DELETE"],
  org_bank_accounts: ["INSERT", "UPDATE", "DELETE"],
  // A policy's rules are replaced as a list when an admin saves them (audited with before and after).
  workflow_rules: ["INSERT", "UPDATE", "DELETE"],
  collection_agencies: ["INSERT", "UPDATE", "DELETE"],
  // The one-time setup code: issued by npm start, deleted when setup is done.
  setup_codes: ["INSERT", "UPDATE", "DELETE"],
  // The API's per-minute counters (old windows dropped) and idempotency keys (released when the first request failed).
  api_rate_windows: ["INSERT", "UPDATE", "DELETE"],
  api_idempotency_keys: ["INSERT", "UPDATE", "DELETE"],
  // The customer's page (lib/portal): links and revocations are written once; a customer's
  // files are kept as received; rate-limit windows are counted up and deleted when old.
  portal_links: ["INSERT"],
  portal_revocations: ["INSERT"],
  customer_files: ["INSERT"],
  portal_rate_windows: ["INSERT", "UPDATE", "DELETE"],
  // Settings → Email (lib/delivery/email-settings.ts): an admin may remove them to fall back on SMTP_URL.
  org_email_settings: ["INSERT", "UPDATE", "DELETE"],
  // Inbound mail (lib/inbound): a reply address is made once; an attachment is kept as received.
  // Messages keep the default: assigned and marked read by UPDATE, never deleted.
  reply_tokens: ["INSERT"],
  inbound_attachments: ["INSERT"],
};
export const DEFAULT_TABLE_GRANTS = ["INSERT", "UPDATE"];

/**
 * Creates (or refreshes) the database's app role, `<database>_app`, with a new
 * password, grants it row access to every table, sequence and function the
 * migrations made, and returns its connection string. Run after every
 * migration, since grants cover the tables that exist. Returns null when the
 * owner may not create roles (a managed server): the caller keeps its URL.
 */
export async function grantAppRole(ownerUrl: string): Promise<string | null> {
  const url = new URL(ownerUrl);
  const database = decodeURIComponent(url.pathname.slice(1));
  const role = `${database}_app`.slice(0, 63);
  const password = randomBytes(24).toString("base64url");
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const r = client.escapeIdentifier(role);
    const { rowCount } = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]);
    try {
      await client.query(
        `${rowCount ? "ALTER" : "CREATE"} ROLE ${r} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION BYPASSRLS PASSWORD ${client.escapeLiteral(password)}`,
      );
    } catch (error) {
      if ((error as { code?: string }).code === "42501") return null; // insufficient privilege
      throw error;
    }
    await client.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${client.escapeIdentifier(database)} TO ${r}`);
    for (const schema of SCHEMAS) {
      const s = client.escapeIdentifier(schema);
      await client.query(`GRANT USAGE ON SCHEMA ${s} TO ${r}`);
      await client.query(`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA ${s} TO ${r}`);
      await client.query(`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${s} TO ${r}`);
    }
    // graphile-worker's own tables: the queue needs full row access.
    await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA graphile_worker TO ${r}`);
    const { rows } = await client.query<{ table: string }>(
      "SELECT tablename AS table FROM pg_tables WHERE schemaname = 'public'",
    );
    for (const { table } of rows) {
      const t = client.escapeIdentifier(table);
      const privileges = ["SELECT", ...(APP_TABLE_GRANTS[table] ?? DEFAULT_TABLE_GRANTS)];
      await client.query(`REVOKE ALL ON TABLE ${t} FROM ${r}`);
      await client.query(`GRANT ${privileges.join(", ")} ON TABLE ${t} TO ${r}`);
    }
  } finally {
    await client.end();
  }
  url.username = encodeURIComponent(role);
  url.password = encodeURIComponent(password);
  return url.toString();
}
