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

test("the administrator sets up a township centre (就近办) with its items", async ({ page }) => {
  await login(page, "ADMIN");
  await page.goto("/office/admin");
  await page.getByTestId("centres-link").click();
  await expect(page.getByTestId("centre-NH-01")).toContainText("浓洄");
  const code = `E2E-${Math.floor(Math.random() * 1e6)}`;
  const create = page.getByTestId("create-centre");
  await create.getByLabel("中心代码").fill(code);
  await create.getByLabel("中心名称").fill(`协兴镇便民服务中心${code}`);
  await create.getByLabel("地址").fill("协兴镇政府一楼");
  await create.getByRole("button", { name: "设立" }).click();
  const centre = page.getByTestId(`centre-${code}`);
  await expect(centre).toContainText("协兴镇政府一楼");
  const items = page.getByTestId(`centre-items-${code}`);
  await items.getByLabel("可受理事项的实施编码").fill("NO-SUCH-ITEM");
  await items.getByRole("button", { name: "保存事项清单" }).click();
  await expect(items).toContainText("有实施编码不是本局受理的事项");
  await items.getByLabel("可受理事项的实施编码").fill("511A0005200006-511602000000-000-115113016823646795-1-00");
  await items.getByRole("button", { name: "保存事项清单" }).click();
  await expect(page.getByTestId(`centre-${code}`)).toContainText("可受理事项 1 项");
  await expectNoAxeViolations(page, { everyMode: true });
});
