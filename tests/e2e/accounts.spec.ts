// Accounts end to end: a forgotten password reset with a code sent to the phone (read from the SMS
// provider's log, as the phone would have received it), an account locked by wrong passwords and
// unlocked by the administrator, and an enterprise's staff member who claims a sub-account and files
// for the enterprise, which sees the filing.
import fs from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../factories/demo-accounts";
import { makeResidentId } from "../factories/identities";
import { expectNoAxeViolations, login } from "./fixtures";
import { startOnline, submit, upload } from "./filing";

const REISSUE = "511A0005200006-511602000000-000-115113016823646795-1-00"; // 食品(含保健食品)经营许可补办
const ENTERPRISE = DEMO_ACCOUNTS.find((a) => a.applicant?.applicantType === "ENTERPRISE")!;

/** The newest code texted to this phone, as the SMS provider's log holds it. */
async function codeSentTo(phone: string, after: number): Promise<string> {
  const file = process.env.NOTIFY_LOG_FILE;
  if (!file) throw new Error("NOTIFY_LOG_FILE is not set for the browser tests");
  let code = "";
  await expect
    .poll(() => {
      const lines = fs.existsSync(file) ? fs.readFileSync(file, "utf8").trim().split("\n").filter(Boolean).map((l) => JSON.parse(l) as { at: string; phone: string; text: string }) : [];
      const mine = lines.filter((l) => l.phone === phone && Date.parse(l.at) >= after);
      code = mine.at(-1)?.text.match(/验证码 (\d{6})/)?.[1] ?? "";
      return code;
    }, { timeout: 10_000 })
    .toMatch(/^\d{6}$/);
  return code;
}

const randomPhone = () => `139${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;

async function signIn(page: Page, loginId: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("账号").fill(loginId);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).last().click();
}

async function newPage(browser: Browser) {
  return (await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai" })).newPage();
}

test("a forgotten password is reset with a code; wrong passwords lock the account; the administrator unlocks it", async ({ page, browser }) => {
  const id = makeResidentId("19880808", 100 + Math.floor(Math.random() * 800));
  const phone = randomPhone();
  await page.goto("/register");
  await page.getByLabel("姓名").fill("找回密码");
  await page.getByLabel("居民身份证号").fill(id);
  await page.getByLabel("手机号码").fill(phone);
  await page.getByLabel("密码").fill("Forgot1en");
  await page.getByRole("button", { name: "注册" }).click();
  await expect(page.getByText("注册成功")).toBeVisible();

  await page.goto("/login");
  await page.getByRole("link", { name: "忘记密码？" }).click();
  await expect(page).toHaveURL(/\/login\/reset$/);
  await expectNoAxeViolations(page);
  const asked = Date.now();
  await page.getByLabel("登录账号").fill(id);
  await page.getByRole("button", { name: "发送验证码" }).click();
  await expect(page.getByText("如果该账号存在并登记了手机号码")).toBeVisible();
  const code = await codeSentTo(phone, asked);
  // A wrong code is refused beside the field; the right one sets the password.
  await page.getByLabel("验证码").fill(code === "000000" ? "111111" : "000000");
  await page.getByLabel("新密码").fill("Remembered1");
  await page.getByRole("button", { name: "设置密码" }).click();
  await expect(page.getByTestId("reset-with-code").getByText("验证码不正确或已失效")).toHaveCount(2);
  await expectNoAxeViolations(page);
  await page.getByLabel("验证码").fill(code);
  await page.getByLabel("新密码").fill("Remembered1");
  await page.getByRole("button", { name: "设置密码" }).click();
  await expect(page.getByText("密码已设置")).toBeVisible();
  await signIn(page, id, "Remembered1");
  await expect(page.getByTestId("home-APPLICANT")).toBeVisible();
  await page.getByRole("button", { name: "退出" }).click();
  await expect(page.getByRole("button", { name: "退出" })).toHaveCount(0);

  // Five wrong passwords lock it; the right one is refused while locked.
  for (let i = 0; i < 5; i++) await signIn(page, id, `Wrong${i}pass`);
  await expect(page.getByText(/账号已锁定|已被锁定/)).toBeVisible();
  await signIn(page, id, "Remembered1");
  await expect(page.getByText(/账号已锁定|已被锁定/)).toBeVisible();

  const admin = await newPage(browser);
  await login(admin, "ADMIN");
  await admin.goto("/office/admin");
  await admin.getByTestId("accounts-link").click();
  await admin.getByLabel("登录账号开头或姓名").fill(id);
  await admin.getByRole("button", { name: "查找" }).click();
  const row = admin.getByTestId(`account-${id}`);
  await expect(row).toContainText("已锁定");
  await expectNoAxeViolations(admin);
  await row.getByRole("button", { name: "解除锁定" }).click();
  await expect(row.getByText(`账号 ${id} 已更新`)).toBeVisible();
  await admin.reload();
  await expect(admin.getByTestId(`account-${id}`)).toContainText("正常");
  await admin.context().close();

  await signIn(page, id, "Remembered1");
  await expect(page.getByTestId("home-APPLICANT")).toBeVisible();
});

test("an enterprise adds a staff member, who claims the sub-account and files for the enterprise", async ({ page, browser }) => {
  await login(page, "APPLICANT", DEMO_PASSWORD, ENTERPRISE.loginId);
  await page.getByTestId("staff-link").click();
  await expectNoAxeViolations(page);
  const phone = randomPhone();
  const form = page.getByTestId("add-staff");
  await form.getByLabel("姓名").fill("钱经办");
  await form.getByLabel("手机号码").fill(phone);
  await form.getByRole("button", { name: "添加" }).click();
  const added = form.getByText(/已为 钱经办 开通经办人账号/);
  await expect(added).toBeVisible();
  const loginId = (await added.textContent())!.match(/账号 (\S+-\d{2})/)![1];
  expect(loginId.startsWith(`${ENTERPRISE.loginId}-`)).toBe(true);

  const member = await newPage(browser);
  await member.goto("/login");
  await member.getByRole("link", { name: "领取账号并设置密码" }).click();
  await expect(member.getByRole("heading", { name: "领取账号" })).toBeVisible();
  await expectNoAxeViolations(member);
  const asked = Date.now();
  await member.getByLabel("登录账号").fill(loginId);
  await member.getByRole("button", { name: "发送验证码" }).click();
  await member.getByLabel("验证码").fill(await codeSentTo(phone, asked));
  await member.getByLabel("新密码").fill("Member1Pass");
  await member.getByRole("button", { name: "设置密码" }).click();
  await expect(member.getByText("密码已设置")).toBeVisible();
  await signIn(member, loginId, "Member1Pass");
  await expect(member.getByTestId("home-APPLICANT")).toBeVisible();
  await expect(member.getByTestId("acts-for")).toContainText(`${ENTERPRISE.name}（经办人账号 ${loginId}）`);
  await expectNoAxeViolations(member);

  await startOnline(member, REISSUE, "经办人代企业申请补办");
  for (const m of ["申请表", "申请人身份证明（居民身份证或营业执照）"]) await upload(member, m, `staff-${m.length}.pdf`);
  const number = await submit(member);
  await member.context().close();

  // The enterprise sees the filing of its staff member among its own.
  await page.goto("/my");
  await expect(page.getByTestId("my-applications").getByRole("link", { name: number })).toBeVisible();
  await page.goto("/my/staff");
  await expect(page.getByTestId("enterprise-staff")).toContainText(loginId);
});
