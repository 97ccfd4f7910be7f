// Line-delimited JSON-RPC 2.0 on stdin/stdout, the way the Prisma CLI talks to its schema engine.
import readline from "node:readline";

const send = (message) =>
  new Promise((resolve) => process.stdout.write(`${JSON.stringify(message)}\n`, () => resolve()));

/**
 * Answers the CLI's requests one at a time (the WASM engine cannot run two calls at once) and lets
 * handlers send the CLI `print` requests, which it acknowledges with a response.
 *
 * @param {(method: string, params: unknown, print: (content: string) => Promise<void>) => Promise<unknown>} handle
 *   rejects with an error carrying `data` (the CLI's error shape) and optionally `fatal`.
 * @param {() => Promise<void>} onClose runs once stdin ends and every request is answered.
 */
export function serveJsonRpc(handle, onClose) {
  const awaitingAck = new Map();
  let nextOwnId = 1;
  let queue = Promise.resolve();

  const print = (content) =>
    new Promise((resolve) => {
      const id = nextOwnId++;
      awaitingAck.set(id, resolve);
      void send({ jsonrpc: "2.0", id, method: "print", params: { content } });
    });

  async function answer({ id, method, params }) {
    try {
      const result = await handle(method, params, print);
      await send({ jsonrpc: "2.0", id, result });
    } catch (error) {
      const data = error?.data ?? { is_panic: false, message: String(error?.stack ?? error) };
      await send({ jsonrpc: "2.0", id, error: { code: 4466, message: "An error happened. Check the data field for details.", data } });
      // Exit code 101 is how the native engine reports a panic; the CLI then shows its panic report.
      if (error?.fatal) process.exit(101);
    }
  }

  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on("line", (line) => {
    if (!line.trim()) return;
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      void send({ jsonrpc: "2.0", id: null, error: { code: -32700, message: "Parse error" } });
      return;
    }
    if (message.method === undefined) {
      // The CLI acknowledging one of our print requests.
      awaitingAck.get(message.id)?.();
      awaitingAck.delete(message.id);
      return;
    }
    if (message.id === undefined || message.id === null) return; // a notification: nothing to answer
    queue = queue.then(() => answer(message));
  });
  lines.on("close", () => {
    for (const resolve of awaitingAck.values()) resolve();
    queue = queue.then(onClose);
  });
}
