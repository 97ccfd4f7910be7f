// An item's version history: every published version stays readable.
import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/notice";
import { loadGuide } from "../load-guide";
import { Data, dataTag } from "@/components/ui/data";

export default async function HistoryPage({ params }: { params: Promise<{ code: string }> }) {
  const item = await loadGuide((await params).code);
  const [t, tf, format] = await Promise.all([getTranslations("guide"), getTranslations("common"), getFormatter()]);
  const base = `/items/${encodeURIComponent(item.implementationCode)}`;
  return (
    <div className="flex flex-col gap-4">
      <PageTitle>{t.rich("historyTitle", { name: item.guide.name, data: dataTag })}</PageTitle>
      <ol className="flex flex-col gap-2" data-testid="history">
        {item.versions.map((v) => (
          <li key={v.version} className="rounded border border-slate-200 bg-white p-3">
            <Link href={`${base}?v=${v.version}`} className="font-medium text-blue-800 underline">
              {t("version", { version: v.version })}
            </Link>{" "}
            · {t("published", { date: format.dateTime(v.publishedAt, { dateStyle: "medium", timeStyle: "short" }) })}
            <p className="text-sm">
              <Data>{v.name}</Data>
            </p>
            {v.changeNote && (
              <p className="text-sm text-slate-700">
                {t("changeNote")}
                {tf("colon")}
                <Data>{v.changeNote}</Data>
              </p>
            )}
          </li>
        ))}
      </ol>
      <Link href={base} className="text-blue-800 underline">
        {t("viewCurrent")}
      </Link>
    </div>
  );
}
