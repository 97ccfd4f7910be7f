// Director's desk: the seal register (one active seal, archived department seals) and sections.
import { getFormatter, getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui/notice";
import { requireArea } from "@/lib/server/auth/current-actor";
import { listSections } from "@/lib/server/catalogue/list-sections";
import { listSeals } from "@/lib/server/seals/list-seals";

export default async function DirectorPage() {
  const actor = await requireArea("director", "/office/director");
  const [t, format, seals, sections] = await Promise.all([
    getTranslations("office"),
    getFormatter(),
    listSeals({ actor }),
    listSections({ actor }),
  ]);
  return (
    <div className="flex flex-col gap-4" data-testid="home-DIRECTOR">
      <PageTitle>{t("director.title")}</PageTitle>
      <Card title={t("director.seals")}>
        <ul className="divide-y divide-slate-200" data-testid="seal-register">
          {seals.map((s) => (
            <li key={s.id} className="flex flex-wrap justify-between gap-2 py-2">
              <span className={s.status === "ACTIVE" ? "font-semibold" : ""}>{s.name}</span>
              <span className="text-sm text-slate-700">
                {s.status === "ACTIVE"
                  ? `${t("director.active")} · ${t("director.holder")}：${s.holder}`
                  : `${t("director.archived")} · ${t("director.archivedAt")}：${s.archivedAt ? format.dateTime(s.archivedAt, { dateStyle: "medium" }) : "—"}`}
                {` · ${t("director.stamps")}：${s._count.stampRecords}`}
              </span>
            </li>
          ))}
        </ul>
      </Card>
      <Card title={t("director.sections")}>
        <ul className="list-disc pl-5">
          {sections.map((s) => (
            <li key={s.id}>
              {s.name}（{s._count.items}）— {s.duty}
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
