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
      await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${s} TO ${r}`);
      await client.query(`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA ${s} TO ${r}`);
      await client.query(`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${s} TO ${r}`);
    }
    // The migration record is the owner's alone.
    await client.query(`REVOKE INSERT, UPDATE, DELETE ON TABLE _prisma_migrations FROM ${r}`);
  } finally {
    await client.end();
  }
  url.username = encodeURIComponent(role);
  url.password = encodeURIComponent(password);
  return url.toString();
}
