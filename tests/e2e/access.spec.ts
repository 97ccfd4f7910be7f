// The back office is closed to anonymous users (sent to sign-in) and to applicants (403).
import { expect, test } from "@playwright/test";
import { AREAS } from "../../lib/domain/access/roles";
import { DEMO_PASSWORD, demoAccountOf } from "../factories/demo-accounts";
import { withDb } from "./db";
import { expectNoAxeViolations, login } from "./fixtures";

const officePaths = Object.values(AREAS).map((a) => a.href).filter((h) => h.startsWith("/office"));

test("anonymous visitors are sent to sign-in, and come back after it", async ({ page }) => {
  for (const path of officePaths) {
    await page.goto(path);
    await expect(page).toHaveURL(new RegExp(`/login\\?callbackUrl=${encodeURIComponent(path)}$`));
  }
  await page.goto("/my");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fmy$/);
  // Signing in from the redirect returns to the page first asked for.
  await page.goto("/office/director");
  await page.getByLabel("账号").fill(demoAccountOf("DIRECTOR").loginId);
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).last().click();
  await expect(page).toHaveURL(/\/office\/director$/);
  await expect(page.getByTestId("home-DIRECTOR")).toBeVisible();
});

test("an applicant gets 403 on every back-office page", async ({ page }) => {
  await login(page, "APPLICANT");
  await expect(page.getByTestId("home-APPLICANT")).toBeVisible();
  for (const path of [...officePaths, "/office/admin/anything"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByTestId("forbidden")).toBeVisible();
    await expect(page.getByTestId(/^home-/)).toHaveCount(0);
  }
  await expectNoAxeViolations(page);
  // Every refusal is on the record, with the path that was asked for.
  const denied = await withDb(async (c) =>
    (await c.query<{ path: string }>(`SELECT e."entityId" AS path FROM "AuditEvent" e JOIN "User" u ON u.id = e."actorId" WHERE u."loginId" = $1 AND e.action = 'access.denied' AND e."entityType" = 'Path'`, [demoAccountOf("APPLICANT").loginId])).rows.map((r) => r.path),
  );
  for (const path of officePaths) expect(denied, path).toContain(path);
});

test("a clerk cannot open the administrator's page", async ({ page }) => {
  await login(page, "CLERK");
  await expect(page.getByTestId("home-CLERK")).toBeVisible();
  const response = await page.goto("/office/admin");
  expect(response?.status()).toBe(403);
  await expect(page.getByTestId("forbidden")).toBeVisible();
});

test("/office takes staff to their own desk, and the landing page takes a signed-in user on, not to registration", async ({ page }) => {
  await login(page, "CLERK");
  await page.goto("/office");
  await expect(page).toHaveURL(/\/office\/window$/);
  await page.goto("/");
  await expect(page.getByRole("link", { name: /^(注册|Register)/ })).toHaveCount(0);
  await page.getByTestId("continue-cta").click();
  await expect(page).toHaveURL(/\/office\/window$/);
  await expectNoAxeViolations(page);
});
