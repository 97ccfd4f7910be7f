// Sending messages outside the portal (SMS, e-mail) goes through ONE interface. The default only
// logs; a bureau plugs in its SMS gateway here. The inbox copy is written in the transaction of
// the state change itself, so a failed send never loses the message.
import "server-only";

export type OutboundMessage = { userId: string; phone: string | null; kind: string; text: string };

export interface Notifier {
  send(message: OutboundMessage): Promise<void>;
}

export const logNotifier: Notifier = {
  async send(message) {
    console.info(`[notify] to user ${message.userId}${message.phone ? ` (${message.phone.slice(0, 3)}****${message.phone.slice(-4)})` : ""}: ${message.text}`);
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
