// The SMS provider: ONE interface through which the worker sends text messages (outbox rows of the
// SMS channel, lib/server/notifications/). The default writes to the console, and with
// NOTIFY_LOG_FILE one JSON line per message to that file (what a phone would have received: the
// browser tests read one-time codes from it); a bureau plugs in its SMS gateway here.
import "server-only";
import fs from "node:fs";
import { env } from "@/lib/env";

export type OutboundMessage = { userId: string; phone: string | null; kind: string; text: string };

export interface Notifier {
  send(message: OutboundMessage): Promise<void>;
}

export const logNotifier: Notifier = {
  async send(message) {
    const file = env().NOTIFY_LOG_FILE;
    if (file) await fs.promises.appendFile(file, `${JSON.stringify({ at: new Date().toISOString(), ...message })}\n`);
    else console.info(`[notify] to user ${message.userId}${message.phone ? ` (${message.phone.slice(0, 3)}****${message.phone.slice(-4)})` : ""}: ${message.text}`);
  },
};

let current: Notifier = logNotifier;

export function notifier(): Notifier {
  return current;
}

/** For tests and for wiring a real gateway at start-up. */
export function setNotifier(next: Notifier): void {
  current = next;
}
