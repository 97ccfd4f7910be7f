// The driver adapter factory handed to the WASM schema engine: @prisma/adapter-pg, patched where it and the engine disagree.
import { createRequire } from "node:module";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { describeUrl, pgConfig, quoteIdent, withDatabase } from "./connection-url.mjs";

// The engine calls factory and adapter methods unbound and expects Result objects back; Prisma's
// binder does both. It comes from adapter-pg's own dependency so the two always agree.
const require = createRequire(import.meta.resolve("@prisma/adapter-pg"));
const { bindMigrationAwareSqlAdapterFactory } = require("@prisma/driver-adapter-utils");

const TEXT = 25;
const TEXT_ARRAY = 1009;
const NAME_ARRAY = 1003;
// Catalog types the engine's describer selects but adapter-pg refuses ("Unsupported column type"):
// "char", int2vector, regproc, xid, oidvector, pg_node_tree, regclass, regtype. pg leaves their
// values as strings, so calling them text is truthful.
const READ_AS_TEXT = new Set([22, 24, 28, 30, 194, 2205, 2206]);
const parseTextArray = pg.types.getTypeParser(TEXT_ARRAY);
/** PostgreSQL's one-byte "char" type (pg_constraint.contype, pg_class.relkind, …). */
const CHAR = 18;
const CHAR_TAG = "\u0000char";
/** ColumnTypeEnum.Character of @prisma/driver-adapter-utils: a value the engine reads as one char. */
const COLUMN_TYPE_CHARACTER = 6;

/**
 * adapter-pg reports every text-like column as Text, but the engine's schema describer reads
 * "char" columns (constraint types) with `as_char()`, which fails on Text and panics the WASM
 * engine when a CHECK constraint exists. Columns tagged by `relabel` are reported as Character.
 */
function reportCharColumns(adapter) {
  let proto = Object.getPrototypeOf(adapter);
  while (proto && !Object.hasOwn(proto, "queryRaw")) proto = Object.getPrototypeOf(proto);
  if (!proto || proto.queryRaw.charColumnsReported) return;
  const queryRaw = proto.queryRaw;
  const patched = async function (query) {
    const result = await queryRaw.call(this, query);
    result.columnNames.forEach((name, i) => {
      if (name.endsWith(CHAR_TAG)) {
        result.columnNames[i] = name.slice(0, -CHAR_TAG.length);
        result.columnTypes[i] = COLUMN_TYPE_CHARACTER;
      }
    });
    return result;
  };
  patched.charColumnsReported = true;
  proto.queryRaw = patched;
}

function relabel(result) {
  if (Array.isArray(result)) {
    result.forEach(relabel);
    return result;
  }
  if (!result?.fields) return result;
  result.fields.forEach((field, i) => {
    if (field.dataTypeID === CHAR) {
      // Read as text, but tagged: the describer wants these as single characters (see below).
      field.dataTypeID = TEXT;
      field.name += CHAR_TAG;
    } else if (READ_AS_TEXT.has(field.dataTypeID)) {
      field.dataTypeID = TEXT;
    } else if (field.dataTypeID === NAME_ARRAY) {
      // pg has no parser for name[] and hands over "{a,b}"; a text[] column must hold an array.
      field.dataTypeID = TEXT_ARRAY;
      for (const row of result.rows) {
        const key = Array.isArray(row) ? i : field.name;
        if (typeof row[key] === "string") row[key] = parseTextArray(row[key]);
      }
    }
  });
  return result;
}

/** A pg client whose results adapter-pg can read; the pool creates every connection from it. */
class RelabelingClient extends pg.Client {
  query(config, values, callback) {
    if (typeof values === "function") {
      callback = values;
      values = undefined;
    }
    if (typeof callback === "function") {
      return super.query(config, values, (err, res) => callback(err, err ? res : relabel(res)));
    }
    const pending = super.query(config, values);
    return typeof pending?.then === "function" ? pending.then(relabel) : pending;
  }
}

async function connectAdapter(url, { onDisposed } = {}) {
  const { schema } = describeUrl(url);
  const factory = new PrismaPg(pgConfig(url, { Client: RelabelingClient, max: 4 }), schema ? { schema } : undefined);
  const adapter = await factory.connect();
  reportCharColumns(adapter);
  const pool = adapter.underlyingDriver();

  // adapter-pg splits scripts on every ";" (breaking $$ bodies) and spreads the pieces over pool
  // connections. One simple-protocol query runs the script on one connection as one implicit
  // transaction, exactly as the native engine does.
  adapter.executeScript = async (script) => {
    try {
      await pool.query(script);
    } catch (error) {
      if (typeof adapter.onError === "function") adapter.onError(error);
      throw error;
    }
  };

  if (onDisposed) {
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await onDisposed();
    };
  }
  return adapter;
}

async function adminQuery(url, sql) {
  const client = new pg.Client(pgConfig(url));
  client.on("error", () => {});
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Empties a user-provided shadow database, as the native engine does before using one. */
async function resetShadowDatabase(adapter) {
  await adapter.executeScript(`DO $$
DECLARE s name;
BEGIN
  FOR s IN SELECT nspname FROM pg_namespace
           WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema' LOOP
    EXECUTE format('DROP SCHEMA %I CASCADE', s);
  END LOOP;
  CREATE SCHEMA IF NOT EXISTS public;
END $$;`);
}

/**
 * @param {{ url?: string, shadowDatabaseUrl?: string }} datasource
 * @returns the bound factory for SchemaEngine.new, plus `cleanup()` for shadow databases left behind.
 */
export function createAdapterFactory(datasource) {
  const { url, shadowDatabaseUrl } = datasource;
  const temporaryDatabases = new Set();

  const factory = {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: () => connectAdapter(url),
    async connectToShadowDb() {
      if (shadowDatabaseUrl) {
        const adapter = await connectAdapter(shadowDatabaseUrl);
        await resetShadowDatabase(adapter);
        return adapter;
      }
      // adapter-pg's own version drops the database while its pool still holds connections, so the
      // drop fails; create it here and drop it WITH (FORCE) after the pool has been closed.
      const name = `prisma_migrate_shadow_db_${randomUUID()}`;
      await adminQuery(url, `CREATE DATABASE ${quoteIdent(name)}`);
      temporaryDatabases.add(name);
      const drop = async () => {
        await adminQuery(url, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
        temporaryDatabases.delete(name);
      };
      try {
        return await connectAdapter(withDatabase(url, name), { onDisposed: drop });
      } catch (error) {
        await drop().catch(() => {});
        throw error;
      }
    },
  };

  return {
    factory: bindMigrationAwareSqlAdapterFactory(factory),
    async cleanup() {
      for (const name of temporaryDatabases) {
        await adminQuery(url, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`).catch(() => {});
      }
    },
  };
}

/**
 * A factory for when the database cannot be reached but the request does not need it (a diff
 * between schema files): SchemaEngine.new insists on one probe query, answered here as a current
 * PostgreSQL would; everything else fails as unreachable.
 */
export function createDetachedAdapterFactory(url) {
  const { host, port } = describeUrl(url);
  const fail = async () => {
    // Shaped like adapter-pg's DriverAdapterError so the engine words it as Prisma's P1001.
    const error = new Error("DatabaseNotReachable");
    error.name = "DriverAdapterError";
    error.cause = { kind: "DatabaseNotReachable", host, port: Number(port) };
    throw error;
  };
  const adapter = {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    async queryRaw(query) {
      if (/version\(\)/.test(query.sql) && /pg_namespace/.test(query.sql)) {
        return {
          columnNames: ["exists", "version", "numeric_version"],
          columnTypes: [5, 7, 0], // Boolean, Text, Int32 in @prisma/driver-adapter-utils' ColumnTypeEnum
          rows: [[true, "PostgreSQL 17.0", 170000]],
        };
      }
      return fail();
    },
    executeRaw: fail,
    executeScript: fail,
    startTransaction: fail,
    getConnectionInfo: () => ({ supportsRelationJoins: true }),
    dispose: async () => {},
  };
  return bindMigrationAwareSqlAdapterFactory({
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: async () => adapter,
    connectToShadowDb: fail,
  });
}
