// Issuance under the one seal, in the browser: a clerk approves an instant item at the window and
// issues its certificate in the same visit (the pick-up then rated from its SMS link); the applicant downloads the signed e-certificate (Poppler
// says valid and whole; one changed byte breaks it; the seal is visibly red on the rendered page);
// anyone verifies it by its QR target, as JSON and by uploading the file; a chief issues a replacement
// (补办) and then revokes it, and verification says so at once. A promised item approved by a chief is issued from the queue.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Browser } from "@playwright/test";
import { PNG } from "pngjs";
import { demoAccountOf } from "../factories/demo-accounts";
import { insertCase, insertDelegation, withDb } from "./db";
import { expectNoAxeViolations, login } from "./fixtures";

const REISSUE = "511A0005200006-511602000000-000-115113016823646795-1-00"; // 食品(含保健食品)经营许可补办: instant, S01
const METROLOGY = "511A0041000003-511602000000-000-115113016823646795-1-00"; // 计量标准器具核准新建: promised, S01
const now = () => new Date().toISOString();
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

async function pageAs(browser: Browser, role?: Parameters<typeof login>[1]) {
  const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const page = await context.newPage();
  if (role) await login(page, role);
  return page;
}

test("an instant item is approved and its certificate issued in one visit; the applicant downloads it; anyone verifies it; a chief revokes it", async ({ page, browser }, testInfo) => {
  await insertDelegation({ granteeLoginId: demoAccountOf("CLERK").loginId, itemCode: REISSUE, scope: "INSTANT_ONLY" });
  const c = await insertCase({ itemCode: REISSUE, state: "ACCEPTED", acceptedAt: now(), promisedDue: inDays(0), statutoryDue: inDays(28), subject: "食品经营许可证遗失补办" });

  // The window: approve, then stamp and issue, on the same page.
  const clerk = await pageAs(browser, "CLERK");
  await clerk.goto(`/office/window/applications/${c.id}`);
  const decide = clerk.getByTestId("decide-form");
  await decide.getByLabel("决定").selectOption("APPROVE");
  await decide.getByRole("button", { name: "作出决定" }).click();
  await expect(clerk.getByTestId("state")).toHaveText("准予许可，待制证");
  await expectNoAxeViolations(clerk);
  // The decision letter went out under the seal: its 文号, the seal, and a link that verifies it.
  const letter = await clerk.context().newPage();
  await letter.goto(`/applications/${c.id}/decision`);
  await expect(letter.getByTestId("decision-number")).toContainText(/广安审批许〔\d{4}〕\d+号/);
  await expect(letter.getByTestId("decision-seal")).toBeVisible();
  await letter.getByTestId("decision-verify").click();
  await expect(letter.getByTestId("verdict")).toHaveText("本局用印的文书，记录签名有效。");
  await letter.close();
  const issue = clerk.getByTestId("issue-form");
  // The applicant asked at the window to collect it in person (the online choice was electronic).
  await expect(clerk.getByTestId("delivery-chosen")).toContainText("电子证照");
  await issue.getByLabel("送达方式").selectOption("PICKUP");
  await issue.getByRole("button", { name: "用印并颁发" }).click();
  await expect(clerk.getByTestId("state")).toHaveText("已发证");
  await expect(clerk.getByTestId("certificate-delivery")).toContainText("窗口领取：待领取");
  // Handed over in the same visit: who collected it, and their ID.
  const pickup = clerk.getByTestId("record-pickup-form");
  await pickup.getByLabel("领取人姓名").fill("张小民");
  await pickup.getByLabel("领取人证件号码").fill("511602199001010212");
  await pickup.getByRole("button", { name: "登记领取" }).click();
  await expect(clerk.getByTestId("certificate-delivery")).toContainText("已由 张小民");
  const identifier = (await clerk.getByTestId("certificate-verify").textContent())!.trim();
  expect(identifier).toMatch(/^1\.2\.156\.3005\.2\./);
  await expectNoAxeViolations(clerk);
  await clerk.context().close();

  // 一次一评: the pick-up is a visit of its own; the SMS's link rates it on a phone, once.
  const invite = await withDb(async (db) => (await db.query<{ text: string }>(`SELECT text FROM "Notification" WHERE kind = 'RATING_INVITE' AND text LIKE $1`, [`%/rate/${c.id}?%v=PICKUP-%`])).rows);
  expect(invite).toHaveLength(1);
  const pickupLink = new URL(/https?:\/\/\S+/.exec(invite[0].text)![0]);
  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "zh-CN" })).newPage();
  await phone.goto(pickupLink.pathname + pickupLink.search);
  await expect(phone.getByText("领证服务：办件")).toBeVisible();
  await expectNoAxeViolations(phone, { everyMode: true });
  const rating = phone.getByTestId("rating-form");
  await rating.getByLabel("总体评价").selectOption({ label: "满意" });
  await rating.getByRole("button", { name: "提交评价" }).click();
  await expect(rating).toContainText("评价已提交");
  await phone.reload();
  await expect(phone.getByText("本次服务已评价")).toBeVisible();
  await phone.context().close();

  // The applicant downloads the electronic certificate.
  await login(page, "APPLICANT");
  await page.goto(`/my/applications/${c.id}`);
  await expect(page.getByTestId("state")).toHaveText("已发证");
  await expect(page.getByTestId("my-delivery")).toContainText("已由 张小民");
  await expectNoAxeViolations(page);
  const response = await page.request.get((await page.getByTestId("my-certificate").getAttribute("href"))!);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  const pdf = Buffer.from(await response.body());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "e2e-cert-"));
  const file = path.join(dir, "certificate.pdf");
  fs.writeFileSync(file, pdf);
  const sig = spawnSync("pdfsig", [file], { encoding: "utf8" }).stdout;
  expect(sig).toContain("Signature is Valid.");
  expect(sig).toContain("Total document signed");
  const text = spawnSync("pdftotext", [file, "-"], { encoding: "utf8" }).stdout.replace(/\s+/g, "");
  expect(text).toContain("张小民");
  expect(text).toContain("食品(含保健食品)经营许可补办");
  // The rendered certificate, as a picture: the seal is there, in red (and kept with the test's results).
  spawnSync("pdftoppm", ["-png", "-r", "60", "-singlefile", file, path.join(dir, "page")]);
  const png = PNG.sync.read(fs.readFileSync(path.join(dir, "page.png")));
  await testInfo.attach("certificate.png", { path: path.join(dir, "page.png"), contentType: "image/png" });
  let red = 0;
  for (let i = 0; i < png.data.length; i += 4) if (png.data[i] > 170 && png.data[i + 1] < 90 && png.data[i + 2] < 90) red++;
  expect(red).toBeGreaterThan(500);
  // One changed byte: no longer valid for Poppler, and "altered" for the bureau's verification.
  const altered = Buffer.from(pdf);
  altered[Math.floor(altered.length / 3)] ^= 0x01;
  fs.writeFileSync(file, altered);
  expect(spawnSync("pdfsig", [file], { encoding: "utf8" }).stdout).not.toContain("Signature is Valid.");

  // Anyone: the QR code's page, the JSON, and the upload of the file (the original, then the altered one).
  const visitor = await pageAs(browser);
  await visitor.goto(`/verify/${encodeURIComponent(identifier)}`);
  await expect(visitor.getByTestId("verdict")).toHaveText("有效");
  await expect(visitor.getByTestId("verification")).toContainText("张*民");
  await expect(visitor.getByTestId("record-signature")).toHaveText("有效");
  await expectNoAxeViolations(visitor);
  expect(await (await visitor.request.get(`/api/verify/${encodeURIComponent(identifier)}`)).json()).toMatchObject({ found: true, verdict: "valid", recordSignatureValid: true });
  const upload = visitor.getByTestId("verify-pdf-form");
  await upload.locator('input[type="file"]').setInputFiles({ name: "certificate.pdf", mimeType: "application/pdf", buffer: pdf });
  await upload.getByRole("button", { name: "核验文件" }).click();
  await expect(visitor.getByTestId("verify-pdf-result")).toHaveAttribute("data-issued", "yes");
  await upload.locator('input[type="file"]').setInputFiles({ name: "certificate.pdf", mimeType: "application/pdf", buffer: altered });
  await upload.getByRole("button", { name: "核验文件" }).click();
  await expect(visitor.getByTestId("verify-pdf-result")).toContainText("不是本局颁发的文件，或文件已被改动");

  // The holder lost it: a chief issues a replacement (补办) with the same number; the old one now says "replaced".
  const chief = await pageAs(browser, "CHIEF");
  await chief.goto(`/office/cases/${c.id}`);
  await chief.getByTestId("certificate-replace").locator("summary").click();
  const replace = chief.getByTestId("replace-certificate-form");
  await replace.getByLabel("办理类型").selectOption("REISSUE");
  await replace.getByLabel(/理由/).fill("证照遗失，申请人申请补办");
  await replace.getByRole("button", { name: "用印并换发" }).click();
  await expect(chief.getByTestId("certificate-issued")).toContainText("补办");
  await expectNoAxeViolations(chief);
  const replacement = (await chief.getByTestId("certificate-verify").textContent())!.trim();
  expect(replacement).not.toBe(identifier);
  await visitor.goto(`/verify/${encodeURIComponent(identifier)}`);
  await expect(visitor.getByTestId("verdict")).toHaveText("已换发（请查验新证）");

  // A chief revokes the replacement; the next request already says so.
  await chief.getByTestId("certificate-end").locator("summary").click();
  const end = chief.getByTestId("end-certificate-form");
  await end.getByLabel("处理方式").selectOption("REVOKED");
  await end.getByLabel("理由").fill("申请人以欺骗手段取得许可");
  await end.getByLabel("法律依据").fill("《中华人民共和国行政许可法》第六十九条第二款");
  await end.getByRole("button", { name: "确认" }).click();
  await expect(chief.getByTestId("certificate-issued")).toContainText("已撤销");
  await chief.context().close();
  await visitor.goto(`/verify/${encodeURIComponent(replacement)}`);
  await expect(visitor.getByTestId("verdict")).toHaveText("已撤销");
  expect(await (await visitor.request.get(`/api/verify/${encodeURIComponent(replacement)}`)).json()).toMatchObject({ verdict: "revoked" });
  await visitor.context().close();
});

test("a promised item approved by a chief is issued from the window's issuing queue", async ({ browser }) => {
  await insertDelegation({ granteeLoginId: demoAccountOf("CHIEF").loginId, itemCode: METROLOGY, scope: "INSTANT_AND_PROMISED" });
  const c = await insertCase({ itemCode: METROLOGY, state: "REVIEWED", acceptedAt: now(), promisedDue: inDays(10), statutoryDue: inDays(28), subject: "新建计量标准器具核准" });
  const chief = await pageAs(browser, "CHIEF");
  await chief.goto(`/office/cases/${c.id}`);
  const decide = chief.getByTestId("decide-form");
  await decide.getByLabel("决定").selectOption("APPROVE");
  await decide.getByRole("button", { name: "作出决定" }).click();
  await expect(chief.getByTestId("state")).toHaveText("准予许可，待制证");
  await chief.context().close();

  const clerk = await pageAs(browser, "CLERK");
  await clerk.goto("/office/window");
  await clerk.getByTestId("issuing-link").click();
  await expect(clerk.getByTestId("issuing-queue")).toContainText(c.number);
  await expectNoAxeViolations(clerk);
  await clerk.getByTestId("issuing-queue").getByRole("link", { name: c.number }).click();
  await clerk.getByTestId("issue-form").getByRole("button", { name: "用印并颁发" }).click();
  await expect(clerk.getByTestId("state")).toHaveText("已发证");
  await expect(clerk.getByTestId("certificate-delivery")).toContainText("电子证照");
  await clerk.goto("/office/window/issuing");
  await expect(clerk.getByTestId("issuing-queue").or(clerk.getByText("没有待发证的办件。"))).not.toContainText(c.number);
  await clerk.context().close();
});

test("the seals and their public keys are published; the stamp log pages and exports", async ({ browser }) => {
  const visitor = await pageAs(browser);
  await visitor.goto("/seals");
  await expect(visitor.getByTestId("seal").first()).toContainText(/[0-9a-f]{64}/);
  await expectNoAxeViolations(visitor);
  await visitor.context().close();
  const supervisor = await pageAs(browser, "SUPERVISOR");
  await supervisor.goto("/office/supervision/stamps");
  await expect(supervisor.getByTestId("stamps-total")).toBeVisible();
  await expectNoAxeViolations(supervisor);
  const csv = await supervisor.request.get((await supervisor.getByTestId("stamps-csv").getAttribute("href"))!);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect((await csv.text()).split("\n")[0]).toContain("用印时间");
  await supervisor.context().close();
});
