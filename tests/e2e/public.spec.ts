// Public pages: landing, language switch, large-text mode, sign-in and registration.
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures";
import { makeCreditCode, makeResidentId } from "../factories/identities";

test("the landing page says what the bureau does, with the seeded catalogue's figures", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("一件事，一个窗口，一枚印章");
  await expect(page.getByTestId("catalogue-stats")).toContainText("共 344 项事项");
  await expectNoAxeViolations(page);
});

test("public pages download no web font: the system's Chinese font is used", async ({ page }) => {
  const fonts: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "font" || /\.(woff2?|ttf|otf)(\?|$)/.test(r.url())) fonts.push(r.url());
  });
  for (const url of ["/", "/items", "/progress", "/login", "/verify"]) {
    await page.goto(url);
    await page.waitForLoadState("networkidle");
  }
  await page.goto("/items");
  await page.getByRole("link", { name: /食品/ }).first().click();
  await page.waitForLoadState("networkidle");
  expect(fonts).toEqual([]);
  expect(await page.locator("body").evaluate((el) => getComputedStyle(el).fontFamily)).toContain("PingFang SC");
});

test("the language switch turns the page into English and back, remembered across pages", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("One matter, one window, one seal");
  await expectNoAxeViolations(page);
  await page.goto("/login");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
  await page.getByRole("button", { name: "简体中文" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("登录");
});

test("large-text mode enlarges type and is remembered by the browser", async ({ page }) => {
  await page.goto("/");
  const size = () => page.locator("html").evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  const normal = await size();
  await page.getByRole("button", { name: "关怀版（大字）" }).click();
  await expect(page.locator("html")).toHaveClass(/care/);
  expect(await size()).toBeGreaterThan(normal * 1.2);
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/care/);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "关怀版（大字）" }).click();
  await expect(page.locator("html")).not.toHaveClass(/care/);
});

test("a person registers, with a clear message for a wrong resident ID, then signs in", async ({ page }) => {
  await page.goto("/register");
  await expectNoAxeViolations(page);
  const id = makeResidentId("19950301", 700 + Math.floor(Math.random() * 200));
  const wrong = id.slice(0, 16) + String((Number(id[16]) + 1) % 10) + id[17];
  await page.getByLabel("姓名").fill("测试人");
  await page.getByLabel("居民身份证号").fill(wrong);
  await page.getByLabel("手机号码").fill("13900001111");
  await page.getByLabel("密码").fill("Passw0rd!");
  await page.getByRole("button", { name: "注册" }).click();
  await expect(page.getByText("居民身份证号校验位不正确，请核对。")).toBeVisible();
  await expect(page.getByLabel("居民身份证号")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("姓名")).toHaveValue("测试人");
  await expectNoAxeViolations(page);
  await page.getByLabel("居民身份证号").fill(id);
  await page.getByLabel("密码").fill("Passw0rd!");
  await page.getByRole("button", { name: "注册" }).click();
  await expect(page.getByText("注册成功")).toBeVisible();

  await page.goto("/login");
  await page.getByLabel("账号").fill(id);
  await page.getByLabel("密码").fill("Passw0rd!");
  await page.getByRole("button", { name: "登录" }).last().click();
  await expect(page.getByTestId("home-APPLICANT")).toBeVisible();
});

test("an enterprise registration rejects a wrong credit code by name", async ({ page }) => {
  await page.goto("/register?type=enterprise");
  await expectNoAxeViolations(page);
  const code = makeCreditCode(900);
  await page.getByLabel("企业名称").fill("测试企业有限公司");
  await page.getByLabel("统一社会信用代码").fill(code.slice(0, 17) + (code[17] === "0" ? "1" : "0"));
  await page.getByLabel("联系人").fill("测试联系人");
  await page.getByLabel("手机号码").fill("13900002222");
  await page.getByLabel("密码").fill("Passw0rd!");
  await page.getByRole("button", { name: "注册" }).click();
  await expect(page.getByText("统一社会信用代码校验位不正确，请核对。")).toBeVisible();
});

test("the sign-in page passes axe and says when the password is wrong", async ({ page }) => {
  await page.goto("/login");
  await expectNoAxeViolations(page);
  await page.getByLabel("账号").fill("NOBODY");
  await page.getByLabel("密码").fill("wrong-password1");
  await page.getByRole("button", { name: "登录" }).last().click();
  await expect(page.getByRole("alert").filter({ hasText: "账号或密码不正确" })).toBeVisible();
  await expectNoAxeViolations(page);
});
