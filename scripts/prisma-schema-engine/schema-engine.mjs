#!/usr/bin/env node
// Stand-in for Prisma's native schema-engine binary, backed by @prisma/schema-engine-wasm (see docs/decisions/002).
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { runCliCommand } from "./cli-commands.mjs";
import { serveJsonRpc } from "./json-rpc.mjs";
import { createEngineHost } from "./wasm-engine.mjs";

// stdout carries the JSON-RPC stream: anything a library logs must go elsewhere.
for (const level of ["log", "info", "debug", "warn"]) console[level] = console.error;

function parseArgs(argv) {
  const args = { datamodels: [], positional: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--version") args.version = true;
    else if (arg === "--datamodels") args.datamodels.push(argv[++i]);
    else if (arg === "--datasource") args.datasource = JSON.parse(argv[++i]);
    // Preview features and extension types only matter to the native engine's own checks.
    else if (arg === "--enabled-preview-features" || arg === "--extension-types") i++;
    else args.positional.push(arg);
  }
  return args;
}

function wasmEngineHash() {
  // The package does not export its package.json; find it next to an exported file.
  const bindings = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const { version } = JSON.parse(fs.readFileSync(path.join(path.dirname(bindings), "package.json"), "utf8"));
  // "8.1.0-2.<commit>": the CLI shows the engine's commit, as the native binary reports it.
  return version.split(".").pop();
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.version) {
    process.stdout.write(`schema-engine-cli ${wasmEngineHash()}\n`);
    return;
  }
  if (args.positional[0] === "cli") {
    process.exitCode = await runCliCommand(args.positional[1], args.datasource);
    return;
  }

  const host = createEngineHost({
    datasource: args.datasource,
    datamodels: args.datamodels.map((file) => [file, fs.readFileSync(file, "utf8")]),
  });
  const shutDown = async () => {
    await host.close().catch(() => {});
    process.exit(0);
  };
  // The CLI ends stdin and sends SIGTERM at once when it is done.
  process.once("SIGTERM", shutDown);
  serveJsonRpc((method, params, print) => host.handle(method, params, print), shutDown);
}

await main();
