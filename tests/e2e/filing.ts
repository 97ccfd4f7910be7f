// Shared steps of the filing and back-office browser tests.
import { expect, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations, login } from "./fixtures";

export const pdfFile = (name: string) => ({ name, mimeType: "application/pdf", buffer: Buffer.from(`%PDF-1.4\n% ${name} ${Math.random()}\n%%EOF\n`) });

export async function upload(page: Page, material: string, fileName: string) {
  const form = page.getByTestId(`upload-${material}`);
  await form.locator('input[type="file"]').setInputFiles(pdfFile(fileName));
  await form.getByRole("button", { name: "上传" }).click();
  await expect(page.getByTestId("materials").getByRole("link", { name: fileName })).toBeVisible();
}

/** opts.byAgent: the filer says someone else files for the applicant (the authorisation is then asked for). */
export async function startOnline(page: Page, code: string, subject: string, opts: { byAgent?: boolean } = {}) {
  await page.goto(`/items/${code}`);
  await page.getByTestId("apply-online").click();
  await expect(page.getByTestId("application-form")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("申请内容").fill(subject);
  await fillItemFields(page);
  if (opts.byAgent) await page.getByTestId("conditional-materials").getByLabel(/^委托他人办理/).check();
  await page.getByRole("button", { name: "保存草稿，下一步上传材料" }).click();
  await page.waitForURL(/\/my\/applications\//);
}

export async function submit(page: Page, button = "提交申请") {
  const form = page.getByTestId("submit-application");
  // The truthfulness declaration: refused beside the box until it is confirmed.
  await form.getByRole("button", { name: button }).click();
  await expect(form.getByText(/提交前请确认承诺/)).toBeVisible();
  await form.getByRole("checkbox").check();
  await form.getByRole("button", { name: button }).click();
  await expect(page.getByTestId("state")).toHaveText("已提交，待受理");
  return (await page.getByTestId("application-number").textContent())!.trim();
}

export async function clerkPage(browser: Browser) {
  const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const page = await context.newPage();
  await login(page, "CLERK");
  return page;
}

export async function openFromQueue(clerk: Page, number: string) {
  await clerk.goto("/office/window");
  await expectNoAxeViolations(clerk);
  await clerk.getByTestId("intake-queue").getByRole("link", { name: number }).click();
  await expect(clerk.getByTestId("intake-form")).toBeVisible();
}

export async function decide(clerk: Page, okMaterials: string[], decision: RegExp, problems: Record<string, string> = {}) {
  const form = clerk.getByTestId("intake-form");
  for (const m of okMaterials) await form.getByLabel(`齐全、符合要求：${m}`, { exact: false }).check();
  for (const [m, text] of Object.entries(problems)) await form.getByLabel(`问题说明（${m}）`).fill(text);
  await form.getByRole("radio", { name: decision }).check();
  await expectNoAxeViolations(clerk);
  await form.getByRole("button", { name: "作出决定" }).click();
}


/** The food licences ask for premises and business scope (their own form fields). */
export async function fillItemFields(page: Page) {
  const fields = page.getByTestId("item-fields");
  if ((await fields.count()) === 0) return;
  await fields.getByLabel(/^经营场所/).fill("广安区金安大道二段 8 号");
  await fields.getByLabel(/^经营项目/).fill("预包装食品销售（含冷藏冷冻食品）");
}
