// Playwright helpers: sign in as a demo role through the real form, and an axe scan (WCAG 2.1 AA).
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import type { Role } from "../../lib/domain/access/roles";
import { CARE_COOKIE, LOCALE_COOKIE } from "../../lib/i18n/config";
import { DEMO_PASSWORD, demoAccountOf } from "../factories/demo-accounts";

export async function login(page: Page, role: Role, password = DEMO_PASSWORD, loginId = demoAccountOf(role).loginId) {
  await page.goto("/login");
  await page.getByLabel(/账号|Account/).first().fill(loginId);
  await page.getByLabel(/^(密码|Password)$/).fill(password);
  await page.getByRole("button", { name: /^(登录|Sign in)$/ }).last().click();
  // Signed in once the portal has sent us on to the role's home.
  await page.waitForURL((url) => url.pathname !== "/login");
}

/**
 * Every page the suite scans is also rendered in English: no Han character may appear outside an
 * element marked as Chinese (lang="zh…": official documents, and data such as names and item titles,
 * which stay as written). Text and the attributes people hear or see (aria-label, title, placeholder,
 * alt) are checked; the document title is not (it names the item or person the page is about).
 */
export async function hanOutsideChinese(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const HAN = /\p{Script=Han}/u;
    const leaks: string[] = [];
    const where = (el: Element | null) => {
      const parts: string[] = [];
      for (let e = el; e && e !== document.body && parts.length < 3; e = e.parentElement) parts.unshift(e.tagName.toLowerCase() + (e.getAttribute("data-testid") ? `[${e.getAttribute("data-testid")}]` : ""));
      return parts.join(">");
    };
    const marked = (el: Element | null) => Boolean(el?.closest('[lang^="zh"]'));
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      // TITLE: the document title is not checked (above) — and Next.js streams it into <body> when the
      // page's metadata resolves late, which made this check depend on timing.
      if (!el || ["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "TITLE"].includes(el.tagName)) continue;
      if (HAN.test(n.textContent ?? "") && !marked(el)) leaks.push(`${where(el)}: ${(n.textContent ?? "").trim().slice(0, 60)}`);
    }
    for (const el of Array.from(document.body.querySelectorAll("[aria-label],[title],[placeholder],[alt]"))) {
      for (const attr of ["aria-label", "title", "placeholder", "alt"]) {
        const v = el.getAttribute(attr);
        if (v && HAN.test(v) && !marked(el)) leaks.push(`${where(el)} @${attr}: ${v.slice(0, 60)}`);
      }
    }
    return [...new Set(leaks)];
  });
}

async function expectEnglishComplete(page: Page) {
  const url = page.url();
  if (!/^https?:/.test(url)) return;
  const context = page.context();
  const before = (await context.cookies(url)).find((c) => c.name === LOCALE_COOKIE);
  await context.addCookies([{ name: LOCALE_COOKIE, value: "en", url: new URL(url).origin }]);
  const en = await context.newPage();
  try {
    const res = await en.goto(url);
    if (!res || !(res.headers()["content-type"] ?? "").includes("text/html")) return;
    expect(await hanOutsideChinese(en), `Chinese outside marked official text or data in the English rendering of ${url}`).toEqual([]);
  } finally {
    await en.close();
    if (before) await context.addCookies([before]);
    else await context.clearCookies({ name: LOCALE_COOKIE });
  }
}

/** axe's WCAG 2.1 AA violations of a page as it stands (a page that is not the portal's own, e.g. the API console, is checked with this alone). */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

/**
 * `everyMode`: the page is also scanned by axe in English, and in large-text mode (关怀版) in both
 * languages — each rendered afresh in a second tab of the same browser context (same sign-in).
 */
export async function expectNoAxeViolations(page: Page, opts: { everyMode?: boolean } = {}) {
  // E2E_ENGLISH_CHECK=0 skips it (to look at an accessibility failure alone).
  if (process.env.E2E_ENGLISH_CHECK !== "0") await expectEnglishComplete(page);
  expect(await axeViolations(page), `axe violations on ${page.url()}`).toEqual([]);
  if (opts.everyMode) await expectNoAxeViolationsInOtherModes(page);
}

async function expectNoAxeViolationsInOtherModes(page: Page) {
  const url = page.url();
  const context = page.context();
  const origin = new URL(url).origin;
  const saved = (await context.cookies(url)).filter((c) => c.name === LOCALE_COOKIE || c.name === CARE_COOKIE);
  try {
    for (const [locale, care] of [["en", "0"], ["zh-CN", "1"], ["en", "1"]]) {
      await context.addCookies([
        { name: LOCALE_COOKIE, value: locale, url: origin },
        { name: CARE_COOKIE, value: care, url: origin },
      ]);
      const other = await context.newPage();
      try {
        await other.goto(url);
        expect(await axeViolations(other), `axe violations on ${url} (${locale}${care === "1" ? ", large text" : ""})`).toEqual([]);
      } finally {
        await other.close();
      }
    }
  } finally {
    await context.clearCookies({ name: LOCALE_COOKIE });
    await context.clearCookies({ name: CARE_COOKIE });
    if (saved.length) await context.addCookies(saved);
  }
}
