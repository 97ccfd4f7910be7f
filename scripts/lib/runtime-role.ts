// The portal's own database login (docs/decisions/013): a member of bureau_runtime, the role the
// migrations grant the bureau's tables to — it may add to the audit trail but never change, delete
// or truncate it. The launchers (dev, test) run migrations and the seed as the owner, then start
// the web server and the worker as this login. Its password is derived from the installation
// secret, so nothing more is stored.
import { createHmac } from "node:crypto";
import pg from "pg";

export const RUNTIME_LOGIN = "bureau_portal";

export function runtimePassword(secret: string): string {
  return createHmac("sha256", secret).update("database login bureau_portal").digest("hex");
}

/** Creates the login (or resets its password) on the server of adminUrl; migrations must have run. */
export async function ensureRuntimeLogin(adminUrl: string, secret: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const password = client.escapeLiteral(runtimePassword(secret));
    const exists = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [RUNTIME_LOGIN]);
    try {
      await client.query(exists.rowCount ? `ALTER ROLE ${RUNTIME_LOGIN} LOGIN PASSWORD ${password}` : `CREATE ROLE ${RUNTIME_LOGIN} LOGIN PASSWORD ${password} IN ROLE bureau_runtime`);
    } catch (e) {
      // Two launchers on one server at once: the other created it; set the password again.
      if ((e as { code?: string }).code !== "42710") throw e;
      await client.query(`ALTER ROLE ${RUNTIME_LOGIN} LOGIN PASSWORD ${password}`);
    }
    await client.query(`GRANT bureau_runtime TO ${RUNTIME_LOGIN}`);
  } finally {
    await client.end();
  }
}

/** The same database, reached as the portal's login. */
export function asRuntimeLogin(databaseUrl: string, secret: string): string {
  const u = new URL(databaseUrl);
  u.username = RUNTIME_LOGIN;
  u.password = runtimePassword(secret);
  return u.toString();
}
