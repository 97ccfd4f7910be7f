// Prisma's user-facing error codes and wording, recovered for failures seen by pg or reported by the WASM engine.
import { describeUrl } from "./connection-url.mjs";

const UNREACHABLE = new Set(["ECONNREFUSED", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN", "ETIMEDOUT", "ECONNRESET"]);

function unreachable({ host, port }) {
  return {
    error_code: "P1001",
    message: `Can't reach database server at \`${host}:${port}\`\n\nPlease make sure your database server is running at \`${host}:${port}\`.`,
  };
}

/**
 * Maps an error thrown by pg while talking to `url` to Prisma's { error_code, message }, with the
 * texts the native engine uses, because the CLI branches on the codes (P1003 → create the database).
 */
export function knownErrorFromPg(error, url) {
  const where = describeUrl(url);
  const { host, port, database, user } = where;
  const code = error?.code;
  if (UNREACHABLE.has(code) || /timeout expired|Connection terminated/i.test(error?.message ?? "")) {
    return unreachable(where);
  }
  switch (code) {
    case "28P01":
    case "28000":
      return {
        error_code: "P1000",
        message: `Authentication failed against database server at \`${host}\`, the provided database credentials for \`${user}\` are not valid.\n\nPlease make sure to provide valid database credentials for the database server at \`${host}\`.`,
      };
    case "3D000":
      return {
        error_code: "P1003",
        message: `Database \`${database}\` does not exist on the database server at \`${host}:${port}\`.`,
      };
    case "42P04":
      return {
        error_code: "P1009",
        message: `Database \`${database}\` already exists on the database server at \`${host}:${port}\``,
      };
    case "42501":
      return { error_code: "P1010", message: `User \`${user}\` was denied access on the database \`${database}\`` };
    default:
      return { error_code: undefined, message: String(error?.message ?? error) };
  }
}

const SPAN_TRACE = /\n\s+0: [\s\S]*$/;

/**
 * The WASM engine reports errors as plain messages, without Prisma's code and with a trace of Rust
 * spans appended. Recover what the CLI and users rely on: the code, and for a failed migration
 * native's P3018 wording (the trace is the only place that names the migration).
 */
export function knownErrorFromWasm(rawMessage) {
  const trace = rawMessage.match(SPAN_TRACE)?.[0] ?? "";
  const message = rawMessage.replace(SPAN_TRACE, "");
  const failedMigration = /apply_migration::apply_script/.test(trace) && trace.match(/migration_name="([^"]+)"/)?.[1];
  if (failedMigration) {
    const databaseError = message.replace(/^external connector error\n/, "").replace(/^Error querying the database: /, "");
    return {
      error_code: "P3018",
      message:
        "A migration failed to apply. New migrations cannot be applied before the error is recovered from. Read more about how to resolve migration issues in a production database: https://pris.ly/d/migrate-resolve" +
        `\n\nMigration name: ${failedMigration}\n\nDatabase error:\n${databaseError}`,
    };
  }
  const codes = [
    [/^Can't reach database server at/, "P1001"],
    [/^Authentication failed against database server/, "P1000"],
    [/^Database `[^`]*` does not exist/, "P1003"],
    [/^Timed out trying to acquire a postgres advisory lock/, "P1002"],
    [/^The database schema is not empty/, "P3005"],
    [/^Migration `[^`]*` failed to apply cleanly to the shadow database/, "P3006"],
  ];
  return { error_code: codes.find(([pattern]) => pattern.test(message))?.[1], message };
}
