// An item's public guide (办事指南) with the six disclosures, its QR code and the materials slip.
import { ButtonLink } from "@/components/ui/button-link";
import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { MaterialsTable } from "@/components/catalogue/materials-table";
import { Card, Notice } from "@/components/ui/notice";
import { BUREAU } from "@/lib/bureau";
import { promiseReductionPercent } from "@/lib/domain/catalogue/item-version";
import { feeLinesOf, fenToYuan } from "@/lib/domain/fees/fees";
import { loadGuide, versionParam } from "./load-guide";
import { Data, dataTag } from "@/components/ui/data";
import { BackLink } from "@/components/ui/back-link";

export async function generateMetadata({ params }: { params: Promise<{ code: string }> }) {
  const item = await loadGuide((await params).code);
  return { title: item.guide.name };
}

export default async function GuidePage({ params, searchParams }: { params: Promise<{ code: string }>; searchParams: Promise<{ v?: string }> }) {
  const [{ code }, { v }] = await Promise.all([params, searchParams]);
  const item = await loadGuide(code, versionParam(v));
  const g = item.guide;
  const [t, tk, tf, tb, tp, format] = await Promise.all([getTranslations("guide"), getTranslations("kinds"), getTranslations("common"), getTranslations("bureau"), getTranslations("payments"), getFormatter()]);
  const base = `/items/${encodeURIComponent(item.implementationCode)}`;
  const demo = g.demoValues ? <span className="ml-1 text-xs text-slate-600">{t("demoParen")}</span> : null;
  return (
    <article className="flex flex-col gap-4" data-testid="guide">
      <BackLink href="/items">{t("backToList")}</BackLink>
      <header>
        <h1 className="text-2xl font-bold">
          <Data>{g.name}</Data>
        </h1>
        <p className="mt-2 flex flex-wrap gap-x-4 text-sm text-slate-700">
          <span>{tk(g.kind)}</span>
          <span>
            {t("code")}
            {tf("colon")}
            <span className="font-mono">{item.implementationCode}</span>
          </span>
          <span>
            {t("version", { version: g.version })} · {t("published", { date: format.dateTime(g.publishedAt, { dateStyle: "medium" }) })}
          </span>
          <Link href={`${base}/history`} className="text-blue-800 underline">
            {t("history")}
          </Link>
        </p>
      </header>
      {!item.isCurrent && (
        <Notice kind="info">
          {t("oldVersion", { version: g.version, current: item.currentVersion })}{" "}
          <Link href={base} className="text-blue-800 underline">
            {t("viewCurrent")}
          </Link>
        </Notice>
      )}
      {g.demoValues && <Notice kind="info">{t("demoNote")}</Notice>}
      {!item.section && <Notice kind="info">{t.rich("notRunByBureau", { department: item.department, data: dataTag })}</Notice>}

      <div className="grid gap-4 lg:grid-cols-[1fr_16rem]">
        <div className="flex flex-col gap-4">
          <Card title={t("what")}>
            <p>
              <Data>{g.description || g.name}</Data>
            </p>
            <p className="mt-2 text-sm text-slate-700">
              {t("department")}
              {tf("colon")}
              <Data>{item.department}</Data>
              {item.section && (
                <>
                  {" · "}
                  {t("section")}
                  {tf("colon")}
                  <Data>{item.section}</Data>
                </>
              )}
            </p>
          </Card>
          <Card title={t("who")}>
            <p>
              <Data>{g.eligibility}</Data>
            </p>
          </Card>
          <Card title={t("basis")}>
            <p>
              <Data>{g.legalBasis}</Data>
              {demo}
            </p>
          </Card>
          <Card title={t("materials")}>
            <MaterialsTable materials={g.materials} />
          </Card>
          <Card title={t("process")}>
            <ol className="list-decimal space-y-1 pl-5">
              {g.processSteps.map((s) => (
                <li key={s}>
                  <Data>{s}</Data>
                </li>
              ))}
            </ol>
          </Card>
          <Card title={t("limits")}>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1" data-testid="limits">
              <dt>{t("statutory")}</dt>
              <dd>
                {t("days", { days: g.statutoryDays })}
                {demo}
              </dd>
              <dt>{t("promised")}</dt>
              <dd>
                {g.promisedDays === 0 ? t("onTheSpot") : t("days", { days: g.promisedDays })}
                {demo} · {t("faster", { percent: promiseReductionPercent(g.statutoryDays, g.promisedDays) })}
              </dd>
            </dl>
          </Card>
          <Card title={t("fees")}>
            <p>
              <Data>{g.feeNote}</Data>
              {demo}
            </p>
            {feeLinesOf(g.feeLines).length > 0 && (
              <ul className="mt-2 flex flex-col gap-1" data-testid="guide-fee-lines">
                {feeLinesOf(g.feeLines).map((l) => (
                  <li key={l.name}>
                    <Data>{l.name}</Data> · {tp("yuan", { amount: fenToYuan(l.amountFen) })}
                    {l.unit !== undefined && (
                      <>
                        /<Data>{l.unit}</Data>
                      </>
                    )}{" "}
                    · <Data>{l.basis}</Data>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card title={t("visits")}>
            <p>{g.visitsRequired === 0 ? t("zeroVisits") : t("visitsValue", { n: g.visitsRequired })}</p>
          </Card>
          <Card title={t("where")}>
            <p>{tb("hall")}</p>
            <p>{tb("hours")}</p>
            <p>{t("hotline", { hotline: BUREAU.hotline })}</p>
          </Card>
        </div>
        <aside className="flex flex-col gap-4">
          <Card>
            <p className="mb-2 font-semibold">{t("apply")}</p>
            {g.onlineAvailable && item.section && item.isCurrent ? (
              <>
                <ButtonLink href={`${base}/apply`} data-testid="apply-online">
                  {t("applyOnline")}
                </ButtonLink>
                <p className="mt-2 text-sm">{t("applyOnlineHint")}</p>
              </>
            ) : (
              <p className="text-sm">{t("applyWindow")}</p>
            )}
          </Card>
          <Card title={t("qr")}>
            {/* eslint-disable-next-line @next/next/no-img-element -- a generated PNG, no optimisation wanted */}
            <img src={`${base}/qr.png`} alt={t("qrAlt")} width={200} height={200} className="mx-auto" data-testid="guide-qr" />
            <a href={`${base}/qr.png?download=1`} download className="mt-2 block text-center text-blue-800 underline">
              {t("qrDownload")}
            </a>
          </Card>
          <Card>
            <ul className="flex flex-col gap-2">
              <li>
                <Link href={`${base}/slip${item.isCurrent ? "" : `?v=${g.version}`}`} className="text-blue-800 underline">
                  {t("slip")}
                </Link>
              </li>
              <li>
                <a href={`${base}/slip.pdf${item.isCurrent ? "" : `?v=${g.version}`}`} className="text-blue-800 underline" data-testid="slip-pdf-link">
                  {t("slipPdf")}
                </a>
              </li>
              <li>
                <a href={`${base}/form.pdf${item.isCurrent ? "" : `?v=${g.version}`}`} className="text-blue-800 underline" data-testid="blank-form-link">
                  {t("blankForm")}
                </a>
              </li>
            </ul>
          </Card>
        </aside>
      </div>
    </article>
  );
}
