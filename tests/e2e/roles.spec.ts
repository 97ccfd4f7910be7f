// Every role signs in through the form, lands on its own home, sees only its navigation, and the
// page passes an axe scan.
import { expect, test } from "@playwright/test";
import { can } from "../../lib/domain/access/permissions";
import { AREAS, ROLES, areasOf, homePathOf } from "../../lib/domain/access/roles";
import { expectNoAxeViolations, login } from "./fixtures";

for (const role of ROLES) {
  test(`${role} signs in and sees its home`, async ({ page }) => {
    await login(page, role);
    await expect(page).toHaveURL(new RegExp(`${homePathOf(role)}$`));
    await expect(page.getByTestId(`home-${role}`)).toBeVisible();
    const nav = page.getByRole("navigation", { name: "主导航" });
    const expected = ["/items", "/bundles", "/progress", "/statistics", "/complaints", ...areasOf(role).map((a) => AREAS[a].href), ...(can(role, "statistics:view") ? ["/office/supervision/dashboard"] : [])];
    const hrefs = await nav.getByRole("link").evaluateAll((links) => links.map((l) => l.getAttribute("href")));
    expect(hrefs).toEqual(expected);
    await expectNoAxeViolations(page);
  });
}

test("signing out returns to the public page and locks the back office again", async ({ page }) => {
  await login(page, "CLERK");
  await expect(page.getByTestId("home-CLERK")).toBeVisible();
  await page.getByRole("button", { name: "退出" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "登录" })).toBeVisible();
  await page.goto("/office/window");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Foffice%2Fwindow/);
});
