// The administrator creates a staff account, who can then sign in to their own home.
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, login } from "./fixtures";

test("admin creates a clerk account; the clerk signs in", async ({ page, browser }) => {
  await login(page, "ADMIN");
  await expect(page.getByTestId("home-ADMIN")).toBeVisible();
  const loginId = `CLERK${Date.now().toString().slice(-6)}`;
  await page.getByLabel("工号").fill(loginId);
  await page.getByLabel("姓名").fill("新窗口");
  await page.getByLabel("角色").selectOption("CLERK");
  await page.getByLabel("初始密码").fill("Window2026");
  await page.getByRole("button", { name: "创建账号" }).click();
  await expect(page.getByText(`已创建账号 ${loginId}。`)).toBeVisible();
  await expect(page.getByTestId("staff-table")).toContainText(loginId);
  await expectNoAxeViolations(page);

  const other = await browser.newContext();
  const clerk = await other.newPage();
  await clerk.goto("/login");
  await clerk.getByLabel("账号").fill(loginId);
  await clerk.getByLabel("密码").fill("Window2026");
  await clerk.getByRole("button", { name: "登录" }).last().click();
  await expect(clerk.getByTestId("home-CLERK")).toBeVisible();
  await other.close();
});

test("a reviewer without a section is refused with a message beside the field", async ({ page }) => {
  await login(page, "ADMIN");
  await page.getByLabel("工号").fill("REVIEWERX");
  await page.getByLabel("姓名").fill("无科室");
  await page.getByLabel("角色").selectOption("REVIEWER");
  await page.getByLabel("初始密码").fill("Review2026");
  await page.getByRole("button", { name: "创建账号" }).click();
  await expect(page.getByText("经办人和科长必须分配科室。")).toBeVisible();
});
