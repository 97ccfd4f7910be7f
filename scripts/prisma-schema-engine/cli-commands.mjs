// The schema engine's one-shot `cli <command>` mode (database existence checks), answered with plain pg.
import pg from "pg";
import { describeUrl, pgConfig, quoteIdent, withDatabase } from "./connection-url.mjs";
import { knownErrorFromPg } from "./known-errors.mjs";

async function withClient(url, fn) {
  const client = new pg.Client(pgConfig(url));
  // An 'error' event without a listener would crash the process instead of rejecting.
  client.on("error", () => {});
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** CREATE/DROP DATABASE must run from another database; try the usual maintenance ones. */
async function withMaintenanceClient(url, fn) {
  let lastError;
  for (const database of ["postgres", "template1"]) {
    try {
      return await withClient(withDatabase(url, database), fn);
    } catch (error) {
      if (error?.code !== "3D000") throw error;
      lastError = error;
    }
  }
  throw lastError;
}

/** Creates the database named in `url`; returns its name. */
export async function createDatabase(url) {
  const { database } = describeUrl(url);
  await withMaintenanceClient(url, (c) => c.query(`CREATE DATABASE ${quoteIdent(database)}`));
  return database;
}

const COMMANDS = {
  "can-connect-to-database": (url) => withClient(url, (c) => c.query("SELECT 1")),
  "create-database": createDatabase,
  "drop-database": (url) =>
    withMaintenanceClient(url, (c) => c.query(`DROP DATABASE ${quoteIdent(describeUrl(url).database)}`)),
};

/**
 * Runs one command and returns the exit code. Failures go to stderr the way the native engine logs
 * them: the CLI skips the first line and parses every further line as a JSON log record.
 */
export async function runCliCommand(command, datasource) {
  const run = COMMANDS[command];
  if (!run) {
    process.stderr.write(`unsupported schema engine cli command: ${command}\n`);
    return 1;
  }
  const url = datasource?.url;
  try {
    if (!url) throw new Error("The --datasource argument has no url.");
    await run(url);
    return 0;
  } catch (error) {
    const { error_code, message } = url ? knownErrorFromPg(error, url) : { message: error.message };
    const record = { level: "ERROR", target: "schema_engine::logger", fields: { is_panic: false, error_code, message } };
    process.stderr.write(`schema-engine stand-in: ${command} failed\n${JSON.stringify(record)}`);
    return 1;
  }
}
