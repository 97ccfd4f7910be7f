// Playwright helpers: sign in as a demo role through the real form, and an axe scan (WCAG 2.1 AA).
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import type { Role } from "../../lib/domain/access/roles";
import { DEMO_PASSWORD, demoAccountOf } from "../factories/demo-accounts";

export async function login(page: Page, role: Role, password = DEMO_PASSWORD, loginId = demoAccountOf(role).loginId) {
  await page.goto("/login");
  await page.getByLabel(/账号|Account/).first().fill(loginId);
  await page.getByLabel(/^(密码|Password)$/).fill(password);
  await page.getByRole("button", { name: /^(登录|Sign in)$/ }).last().click();
  // Signed in once the portal has sent us on to the role's home.
  await page.waitForURL((url) => url.pathname !== "/login");
}

export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}
