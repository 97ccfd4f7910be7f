// Next.js start-up hook: the environment is checked once as the server starts; a bad setting stops it.
import { env } from "@/lib/env";

export function register() {
  // Only the Node.js server; the edge runtime (the proxy) reads no settings.
  if (process.env.NEXT_RUNTIME === "nodejs") env();
}
