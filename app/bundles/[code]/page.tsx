// A bundle's guide: what it covers, which items are required, which materials are given once.
import { ButtonLink } from "@/components/ui/button-link";
import { getTranslations } from "next-intl/server";
import { BundleItemsTable } from "@/components/bundles/bundle-items-table";
import { Card, Notice } from "@/components/ui/notice";
import { Data } from "@/components/ui/data";
import { loadBundleOr404 } from "./load-bundle";
import { BackLink } from "@/components/ui/back-link";

export async function generateMetadata({ params }: { params: Promise<{ code: string }> }) {
  return { title: (await loadBundleOr404((await params).code)).name };
}

export default async function BundlePage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const [bundle, t] = await Promise.all([loadBundleOr404(code), getTranslations("bundles")]);
  return (
    <article className="flex flex-col gap-4" data-testid="bundle-guide">
      <BackLink href="/bundles">{t("backToList")}</BackLink>
      <h1 className="text-2xl font-bold">
        <Data>{bundle.name}</Data>
      </h1>
      <p>
        <Data>{bundle.description}</Data>
      </p>
      <Notice kind="info">{t("how")}</Notice>
      <Card title={t("items")}>
        <BundleItemsTable lines={bundle.lines} />
      </Card>
      <Card title={t("materials")}>
        <p className="mb-2 text-sm">{t("materialsLead")}</p>
        <ul className="list-disc pl-5 text-sm" data-testid="bundle-slots">
          {bundle.slots.map((s) => (
            <li key={s.key}>
              <Data>{s.name}</Data>
              {s.shared && s.lines.length > 1 && <span className="ml-2 text-slate-700">{t("sharedBy", { items: s.lines.length })}</span>}
              {!s.shared && <span className="ml-2 text-slate-700">{t("forItem")}</span>}
              {!s.shared && <Data className="ml-1 text-slate-700">{bundle.lines[s.lines[0].item].version.name}</Data>}
            </li>
          ))}
        </ul>
      </Card>
      <p>
        <ButtonLink href={`/bundles/${encodeURIComponent(bundle.code)}/apply`} data-testid="bundle-apply">
          {t("apply")}
        </ButtonLink>
      </p>
    </article>
  );
}
