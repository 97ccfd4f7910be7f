// The printable one-time notice slip (申报材料一次性告知单): a print stylesheet hides the page frame.
import { getFormatter, getTranslations } from "next-intl/server";
import { MaterialsTable } from "@/components/catalogue/materials-table";
import { BUREAU } from "@/lib/bureau";
import { loadGuide, versionParam } from "../load-guide";

export default async function SlipPage({ params, searchParams }: { params: Promise<{ code: string }>; searchParams: Promise<{ v?: string }> }) {
  const [{ code }, { v }] = await Promise.all([params, searchParams]);
  const item = await loadGuide(code, versionParam(v));
  const g = item.guide;
  // An official document: Chinese whatever the page language; only the download link is the page's.
  const [t, tk, tp, format] = await Promise.all([getTranslations({ locale: "zh-CN", namespace: "guide" }), getTranslations({ locale: "zh-CN", namespace: "kinds" }), getTranslations("guide"), getFormatter({ locale: "zh-CN" })]);
  const base = `/items/${encodeURIComponent(item.implementationCode)}`;
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-2">
    <article lang="zh-CN" className="slip flex flex-col gap-3 bg-white p-6" data-testid="slip">
      <header className="text-center">
        <p className="text-lg">{BUREAU.name}</p>
        <h1 className="text-2xl font-bold">申报材料一次性告知单</h1>
      </header>
      <h2 className="text-xl font-semibold">{g.name}</h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt>{t("code")}</dt>
        <dd className="font-mono break-all">{item.implementationCode}</dd>
        <dt>{t("limits")}</dt>
        <dd>
          {tk(g.kind)} · {t("statutory")} {t("days", { days: g.statutoryDays })} · {t("promised")}{" "}
          {g.promisedDays === 0 ? t("onTheSpot") : t("days", { days: g.promisedDays })}
        </dd>
        <dt>{t("fees")}</dt>
        <dd>{g.feeNote}</dd>
        <dt>{t("where")}</dt>
        <dd>
          {BUREAU.hall}；{BUREAU.hours}
        </dd>
      </dl>
      <MaterialsTable materials={g.materials} locale="zh-CN" />
      <div className="flex items-center gap-4">
        {/* eslint-disable-next-line @next/next/no-img-element -- a generated PNG */}
        <img src={`${base}/qr.png`} alt={t("qrAlt")} width={120} height={120} />
        <p className="text-sm">{t("qr")}</p>
      </div>
      {g.demoValues && <p className="text-sm text-slate-700">{t("demoNote")}</p>}
      <p className="text-xs text-slate-600">
        {t("version", { version: g.version })} · {format.dateTime(new Date(), { dateStyle: "medium", timeStyle: "short" })}
      </p>
    </article>
      <p className="no-print">
        <a href={`${base}/slip.pdf${item.isCurrent ? "" : `?v=${g.version}`}`} className="text-blue-800 underline">
          {tp("slipPdf")}
        </a>
      </p>
    </div>
  );
}
