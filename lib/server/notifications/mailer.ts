// E-mail goes out through SMTP (nodemailer) to the server SMTP_URL names; `npm run dev` and the tests
// start a local SMTP server of their own. Without SMTP_URL an e-mail notification fails visibly (the
// administrator sees it among the failed jobs) rather than pretending to be sent.
import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";

let cached: { url: string; transport: Transporter } | undefined;

function transport(): Transporter {
  const url = env().SMTP_URL;
  if (!url) throw new Error("SMTP_URL is not set: e-mail cannot be sent");
  if (cached?.url !== url) {
    cached?.transport.close();
    // A mail server that accepts the connection and then says nothing must not hold a worker's job
    // slot for minutes (nodemailer's defaults): the delivery fails and is retried later instead.
    cached = { url, transport: nodemailer.createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 } as Parameters<typeof nodemailer.createTransport>[0]) };
  }
  return cached.transport;
}

export async function sendMail(m: { to: string; subject: string; text: string }): Promise<string> {
  const info = await transport().sendMail({ from: env().MAIL_FROM, to: m.to, subject: m.subject, text: m.text });
  return info.messageId;
}
