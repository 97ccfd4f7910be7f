// Prints the demo accounts, so the run command tells people how to sign in.
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../../tests/factories/demo-accounts";

export function demoLoginsText(baseUrl: string): string {
  const width = Math.max(...DEMO_ACCOUNTS.map((a) => a.loginId.length));
  const lines = DEMO_ACCOUNTS.map((a) => `  ${a.role.padEnd(10)}  ${a.loginId.padEnd(width)}  ${a.name}`);
  return [
    "",
    `Portal: ${baseUrl}`,
    `Demo logins (password for all: ${DEMO_PASSWORD}):`,
    ...lines,
    "",
  ].join("\n");
}
