// 告知承诺 in the browser: the administrator publishes a version of an instant item whose material
// may be replaced by a commitment; the applicant signs it instead of uploading; the window accepts,
// approves under delegation and issues the certificate the same day; the director's post-check finds
// the commitment false, which revokes the certificate — its verification page says so — and the
// window now sees the applicant's credit record.
import { expect, test } from "@playwright/test";
import { demoAccountOf } from "../factories/demo-accounts";
import { insertDelegation, withDb } from "./db";
import { decide, openFromQueue, startOnline, submit, upload } from "./filing";
import { expectNoAxeViolations, login } from "./fixtures";

// Each journey scans its pages in both languages and both text sizes: longer than the default limit.
test.describe.configure({ timeout: 480_000 });

const REISSUE = "511A0005200006-511602000000-000-115113016823646795-1-00"; // used by issuance.spec

test("a commitment replaces a proof, the case is decided and issued the same day, the post-check finds it false and the certificate is revoked", async ({ page, browser }) => {
  // An instant item of the catalogue that the others do not use, available online.
  const code = await withDb(async (db) => (await db.query<{ code: string }>(
    `SELECT i."implementationCode" AS code FROM "Item" i JOIN "ItemVersion" v ON v.id = i."currentVersionId"
     WHERE v.kind = 'INSTANT' AND v."onlineAvailable" AND i."implementationCode" <> $1
       AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(v."formFields") f
                       WHERE (f->>'required')::boolean AND f->>'label' NOT LIKE '经营场所%' AND f->>'label' NOT LIKE '经营项目%')
     ORDER BY i."implementationCode" LIMIT 1`, [REISSUE])).rows[0].code);
  await insertDelegation({ granteeLoginId: demoAccountOf("CLERK").loginId, itemCode: code, scope: "INSTANT_ONLY" });

  // The administrator offers a commitment in place of the first material asked of everyone.
  const admin = await (await browser.newContext()).newPage();
  await login(admin, "ADMIN");
  await admin.goto(`/office/admin/items/${encodeURIComponent(code)}`);
  // The form lists the materials in order: the row of the first one without a condition.
  const conditions = await withDb(async (db) => (await db.query<{ condition: string }>(
    `SELECT m.condition FROM "Material" m JOIN "Item" i ON i."currentVersionId" = m."itemVersionId" WHERE i."implementationCode" = $1 ORDER BY m.position`, [code])).rows);
  const row = conditions.findIndex((m) => m.condition === "");
  await admin.locator(`textarea[name="m.${row}.commitmentText"]`).fill("本人承诺所述情况真实，已具备相应条件；如有不实，愿承担撤销许可等法律责任。");
  await admin.getByLabel("变更说明").fill("推行告知承诺制");
  await admin.getByRole("button", { name: "发布新版本" }).click();
  await expect(admin.getByText(/已发布第 \d+ 版/)).toBeVisible();
  await admin.context().close();
  // The materials asked of everyone (a conditional one, e.g. a power of attorney, does not apply here).
  const materials = await withDb(async (db) => (await db.query<{ name: string; commitmentText: string }>(
    `SELECT m.name, m."commitmentText" FROM "Material" m JOIN "Item" i ON i."currentVersionId" = m."itemVersionId" WHERE i."implementationCode" = $1 AND m.condition = '' ORDER BY m.position`, [code])).rows);
  const [committed, ...others] = materials;
  expect(committed.commitmentText).toContain("本人承诺");

  // The applicant signs the commitment instead of uploading that material.
  await login(page, "APPLICANT");
  await startOnline(page, code, "告知承诺办理");
  for (const m of others) await upload(page, m.name, `${m.name}.pdf`);
  const commit = page.getByTestId(`commit-${committed.name}`);
  await commit.locator("summary").click();
  await expect(commit).toContainText("本人承诺所述情况真实");
  await expectNoAxeViolations(page, { everyMode: true });
  await commit.getByLabel(/本人已阅读上述承诺内容/).check();
  await commit.getByLabel("签署人姓名").fill("张小民");
  await commit.getByRole("button", { name: "签署承诺" }).click();
  await expect(page.getByTestId("materials")).toContainText("已签署告知承诺");
  const number = await submit(page);

  // The window accepts on the commitment, approves under delegation and issues, the same day.
  const clerk = await (await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai" })).newPage();
  await login(clerk, "CLERK");
  await openFromQueue(clerk, number);
  await expect(clerk.getByTestId("intake-form")).toContainText("已签署告知承诺");
  await decide(clerk, materials.map((m) => m.name), /^受理$/);
  await expect(clerk.getByTestId("state")).toHaveText("已受理");
  const decideForm = clerk.getByTestId("decide-form");
  await decideForm.getByLabel("决定").selectOption("APPROVE");
  await decideForm.getByRole("button", { name: "作出决定" }).click();
  await expect(clerk.getByTestId("state")).toHaveText("准予许可，待制证");
  await clerk.getByTestId("issue-form").getByRole("button", { name: "用印并颁发" }).click();
  await expect(clerk.getByTestId("state")).toHaveText("已发证");
  const identifier = (await clerk.getByTestId("certificate-verify").textContent())!.trim();

  // The post-check finds the commitment false: the certificate is revoked.
  const director = await (await browser.newContext()).newPage();
  await login(director, "DIRECTOR");
  await director.goto("/office/commitments");
  await expect(director.getByTestId(`post-check-${number}`)).toContainText("张小民");
  await expectNoAxeViolations(director, { everyMode: true });
  const check = director.getByTestId(`record-post-check-${number}`);
  await check.getByLabel("核查结果").selectOption("FALSE");
  await check.getByLabel("核查情况").fill("实地核查：申请人不具备所承诺的条件");
  await check.getByRole("button", { name: "记录核查结果" }).click();
  await expect(director.getByTestId(`post-check-${number}`)).toHaveCount(0);
  await director.goto("/office/commitments?checked=1");
  await expect(director.getByTestId(`post-check-result-${number}`)).toContainText("不实");

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/verify/${encodeURIComponent(identifier)}`);
  await expect(visitor.getByTestId("verdict")).toHaveText("已撤销");

  // The window sees the applicant's credit record from now on.
  await clerk.reload();
  await expect(clerk.getByTestId("credit-records")).toContainText("告知承诺不实");
});
