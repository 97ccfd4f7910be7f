// Runs JSON-RPC methods on @prisma/schema-engine-wasm, smoothing over where it differs from the native engine.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createAdapterFactory, createDetachedAdapterFactory } from "./adapter-factory.mjs";
import { createDatabase } from "./cli-commands.mjs";
import { knownErrorFromPg, knownErrorFromWasm } from "./known-errors.mjs";

const require = createRequire(import.meta.url);

/** An error to send back as the JSON-RPC `error.data` the CLI understands. */
export class EngineError extends Error {
  constructor(data, { fatal = false } = {}) {
    super(data.message);
    this.data = data;
    this.fatal = fatal;
  }
}

let panicMessage = "";
// A panic outside a request (in a callback of the engine) would otherwise print only
// "RuntimeError: unreachable"; say why, and exit as the native engine does on a panic.
process.on("uncaughtException", (error) => {
  process.stderr.write(`Schema engine panicked: ${panicMessage || error?.stack || error}\n`);
  process.exit(101);
});
let wasmModule;

async function loadWasm() {
  if (wasmModule) return wasmModule;
  // Rust panics report their reason here; without it a panic is only "RuntimeError: unreachable".
  globalThis.PRISMA_WASM_PANIC_REGISTRY = { set_message: (message) => (panicMessage = message) };
  const bindingsPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bindings = await import(pathToFileURL(bindingsPath).href);
  // The package's entry imports the .wasm as an ES module, which Node 20 only does behind a flag.
  const bytes = fs.readFileSync(path.join(path.dirname(bindingsPath), "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bindings });
  bindings.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  wasmModule = bindings;
  return bindings;
}

function toEngineError(error) {
  if (error instanceof EngineError) return error;
  if (error instanceof WebAssembly.RuntimeError || error?.name === "RuntimeError") {
    // The WASM instance is unusable after a panic, like a crashed native engine.
    return new EngineError({ is_panic: true, message: panicMessage || String(error), backtrace: error.stack }, { fatal: true });
  }
  return new EngineError({ is_panic: false, ...knownErrorFromWasm(String(error?.message ?? error)), meta: null });
}

const DB_FREE_DIFF_TARGETS = new Set(["empty", "schemaDatamodel"]);
const needsDatabase = (method, params) =>
  !(method === "diff" && DB_FREE_DIFF_TARGETS.has(params?.from?.tag) && DB_FREE_DIFF_TARGETS.has(params?.to?.tag));

/**
 * @param {{ datasource?: { url?: string, shadowDatabaseUrl?: string }, datamodels?: [string, string][] }} options
 */
export function createEngineHost({ datasource = {}, datamodels }) {
  let engine;
  let adapters;

  const logToStderr = (line) => process.stderr.write(`${String(line).trimEnd()}\n`);
  // SchemaEngine.new crashes on an empty list; "no schema" is `undefined`.
  const options = { datamodels: datamodels?.length ? datamodels : undefined };

  async function connectedEngine() {
    if (engine) return engine;
    if (!datasource.url) {
      throw new EngineError({ is_panic: false, message: "No datasource URL was given to the schema engine. Set `datasource.url` in prisma.config.ts." });
    }
    const wasm = await loadWasm();
    adapters = createAdapterFactory(datasource);
    engine = await wasm.SchemaEngine.new(options, logToStderr, adapters.factory);
    return engine;
  }

  async function engineFor(method, params) {
    try {
      return await connectedEngine();
    } catch (error) {
      const engineError = toEngineError(error);
      if (engineError.data.error_code !== "P1001" || needsDatabase(method, params)) throw engineError;
      // Like the native engine, which connects lazily, a diff of schema files works without a server.
      const wasm = await loadWasm();
      return wasm.SchemaEngine.new(options, logToStderr, createDetachedAdapterFactory(datasource.url));
    }
  }

  /**
   * The WASM engine only reaches a shadow database from diagnoseMigrationHistory, devDiagnostic and
   * diff. createMigration and evaluateDataLoss instead read a cache of "schema after these
   * migrations", which diagnoseMigrationHistory fills for the migrations applied to the database,
   * and fail ("shadow DB must be provided through an external factory") on a miss. The CLI applies
   * pending migrations before calling them, so after one diagnosis the cache holds the whole
   * directory; both calls are read-only, so warming up and retrying once is safe.
   */
  async function withShadowSchema(current, method, input) {
    try {
      return await current[method](input);
    } catch (error) {
      if (!/shadow DB must be provided through an external factory/.test(String(error?.message))) throw error;
      await current.diagnoseMigrationHistory({
        migrationsList: input.migrationsList,
        optInToShadowDatabase: true,
        filters: input.filters,
      });
      return current[method](input);
    }
  }

  const special = {
    async diff(current, params, print) {
      const result = await current.diff(params);
      // The native engine prints the diff through a `print` request to the CLI; the WASM engine returns it.
      if (typeof result.stdout === "string") await print(result.stdout);
      return { ...result, stdout: null };
    },
    createMigration: (current, input) => withShadowSchema(current, "createMigration", input),
    evaluateDataLoss: (current, input) => withShadowSchema(current, "evaluateDataLoss", input),
    getDatabaseVersion: (current, params) => current.version(params),
    debugPanic: (current) => current.debugPanic(),
  };

  /** Requests answered without the WASM engine, which has no such method. */
  const standalone = {
    async createDatabase(params) {
      const url = params?.datasource?.tag === "ConnectionString" ? params.datasource.url : datasource.url;
      try {
        return { databaseName: await createDatabase(url) };
      } catch (error) {
        throw new EngineError({ is_panic: false, ...knownErrorFromPg(error, url) });
      }
    },
  };

  return {
    async handle(method, params, print) {
      if (standalone[method]) return standalone[method](params);
      if (!special[method] && !DIRECT_METHODS.has(method)) {
        throw new EngineError({ is_panic: false, message: `The WASM schema engine does not support \`${method}\`.` });
      }
      try {
        const current = await engineFor(method, params);
        const result = special[method] ? await special[method](current, params, print) : await current[method](params);
        // A missing `result` member would make the response invalid JSON-RPC.
        return result === undefined ? null : result;
      } catch (error) {
        throw toEngineError(error);
      }
    },
    async close() {
      await adapters?.cleanup();
    },
  };
}

// JSON-RPC methods that map one to one onto SchemaEngine methods of the same name.
const DIRECT_METHODS = new Set([
  "applyMigrations",
  "dbExecute",
  "devDiagnostic",
  "diagnoseMigrationHistory",
  "ensureConnectionValidity",
  "introspect",
  "introspectSql",
  "markMigrationApplied",
  "markMigrationRolledBack",
  "reset",
  "schemaPush",
]);
