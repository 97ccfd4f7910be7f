// The catalogue as a visitor and an administrator use it: find, read, print, edit, publish.
import { expect, test } from "@playwright/test";
import { decodeQrPng, pdfText } from "../support/decode";
import { expectNoAxeViolations, login } from "./fixtures";

const FOOD_LICENCE = "食品(含保健食品)经营许可核发";

test("a visitor finds an item, reads its guide, checks the QR code and downloads the slip", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "事项清单" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("事项清单");
  await expectNoAxeViolations(page);

  await page.getByLabel("搜索事项名称").fill("食品");
  await page.getByRole("button", { name: "搜索" }).click();
  await expect(page.getByTestId("catalogue-count")).toContainText("共找到");
  const results = page.getByTestId("catalogue-results").getByRole("link");
  expect(await results.count()).toBeGreaterThan(5);
  for (const name of await results.allTextContents()) expect(name).toContain("食品");
  await page.getByLabel("办件类型").selectOption("PROMISED");
  await page.getByRole("button", { name: "搜索" }).click();
  await expect(page).toHaveURL(/kind=PROMISED/);
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: FOOD_LICENCE, exact: true }).click();
  const guide = page.getByTestId("guide");
  await expect(guide.getByRole("heading", { level: 1 })).toHaveText(FOOD_LICENCE);
  for (const heading of ["事项简介", "申请条件", "设定依据", "申请材料", "办理流程", "办理时限", "收费标准", "到现场次数", "办理地点和时间"]) {
    await expect(guide.getByRole("heading", { name: heading })).toBeVisible();
  }
  await expect(guide.getByTestId("limits")).toContainText("20 个工作日");
  await expect(guide.getByText("示例值").first()).toBeVisible();
  await expectNoAxeViolations(page);

  // The QR code decodes to this very page.
  const qr = await page.request.get(await guide.getByTestId("guide-qr").getAttribute("src").then((s) => s!));
  expect(qr.headers()["content-type"]).toBe("image/png");
  expect(decodeQrPng(await qr.body())).toBe(page.url());

  // The slip: printable page, and a PDF whose text holds the item's name.
  const download = page.waitForEvent("download");
  await guide.getByTestId("slip-pdf-link").click();
  const pdf = await download;
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
  const text = await pdfText(await pdf.createReadStream().then(async (s) => Buffer.concat(await s.toArray())));
  expect(text.replace(/\s+/g, "")).toContain(FOOD_LICENCE);

  await guide.getByRole("link", { name: "打印申报材料清单" }).click();
  await expect(page.getByTestId("slip")).toContainText(FOOD_LICENCE);
  await expectNoAxeViolations(page);
});

test("an administrator edits an item and publishes version 2; version 1 stays readable", async ({ page }) => {
  await login(page, "ADMIN");
  await page.goto("/office/admin/items?q=" + encodeURIComponent("幼儿园设立审批"));
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: /^编辑 幼儿园设立审批$/ }).click();
  await expect(page.getByTestId("edit-item")).toBeVisible();
  await expectNoAxeViolations(page);

  // A promised limit above the statutory one is refused beside the field; nothing is lost.
  await page.getByLabel(/^承诺时限/).fill("25");
  await page.getByLabel("变更说明").fill("压缩承诺时限");
  await page.getByRole("button", { name: "发布新版本" }).click();
  await expect(page.getByText("承诺时限不能超过法定时限。")).toBeVisible();
  await expect(page.getByLabel("变更说明")).toHaveValue("压缩承诺时限");

  await page.getByLabel(/^承诺时限/).fill("5");
  await page.getByLabel("材料名称 6").fill("园舍安全鉴定报告");
  await page.getByRole("button", { name: "发布新版本" }).click();
  await expect(page.getByText(/已发布第 \d+ 版/)).toBeVisible();
  const published = Number((await page.getByText(/已发布第 \d+ 版/).textContent())!.match(/\d+/)![0]);
  await page.getByRole("link", { name: "查看办事指南" }).click();
  await expect(page.getByTestId("limits")).toContainText("5 个工作日");
  await expect(page.getByTestId("materials")).toContainText("园舍安全鉴定报告");

  await page.getByRole("link", { name: "版本历史" }).click();
  await expect(page.getByTestId("history").getByRole("listitem")).toHaveCount(published);
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: `第 ${published - 1} 版` }).click();
  await expect(page.getByText(/您正在查看历史版本/)).toBeVisible();
  await expect(page.getByTestId("materials")).not.toContainText("园舍安全鉴定报告");
});

test("an administrator's import of a list with a broken row names the row and applies nothing", async ({ page }) => {
  await login(page, "ADMIN");
  await page.goto("/office/admin/items/import");
  await expectNoAxeViolations(page);
  const header = "department,main_item,item_name,implementation_code,basic_code,region_code,task_type,dept_code,detail_url";
  const good = '"区市监局","未分类","测试新事项","511A0999999999-511602000000-000-115113016823646795-1-00","511A0999999999","511602000000","1","68236467-9",""';
  const broken = '"区市监局","未分类","","511A0999999998-511602000000-000-115113016823646795-1-00","511A0999999998","511602000000","1","68236467-9",""';
  await page.getByLabel("CSV 文件").setInputFiles({ name: "list.csv", mimeType: "text/csv", buffer: Buffer.from([header, good, broken].join("\n")) });
  await page.getByRole("button", { name: "导入" }).click();
  const report = page.getByTestId("import-report");
  await expect(report).toContainText("文件有 1 行错误，未导入任何内容");
  await expect(report.getByRole("row").filter({ hasText: "缺少事项名称" })).toContainText("3");
  await expectNoAxeViolations(page);
  await page.goto("/items?q=" + encodeURIComponent("测试新事项"));
  await expect(page.getByTestId("catalogue-count")).toBeVisible();
  await expect(page.getByRole("link", { name: "测试新事项", exact: true })).toHaveCount(0);
  // Search as a person types: % literally, the box's own example, the licence without its
  // parenthesised part, a typo answered with "did you mean".
  await page.goto("/items?q=%25");
  await expect(page.getByTestId("catalogue-count")).toContainText("共找到 0 项事项");
  await page.goto("/items");
  await page.getByLabel("搜索事项名称").fill("营业执照");
  await page.getByRole("button", { name: "搜索", exact: true }).click();
  await expect(page.getByTestId("catalogue-results").getByRole("link", { name: "公司设立登记", exact: true })).toBeVisible();
  await expect(page.getByTestId("catalogue-results").getByRole("link", { name: "个体工商户设立登记", exact: true })).toBeVisible();
  await page.goto("/items?q=" + encodeURIComponent("食品经营许可"));
  await expect(page.getByTestId("catalogue-approximate")).toHaveCount(0);
  await expect(page.getByTestId("catalogue-results").getByRole("link").first()).toHaveText("食品(含保健食品)经营许可核发");
  await page.goto("/items?q=" + encodeURIComponent("营业执造"));
  await expect(page.getByTestId("catalogue-approximate")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByTestId("catalogue-suggestions").getByRole("link", { name: "营业执照" }).click();
  await expect(page.getByTestId("catalogue-results").getByRole("link", { name: "公司设立登记", exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
});
