// 投诉处理: the complaints of one's section (the whole bureau's for supervisors and the director),
// open ones soonest due first with their mark, by stage; closed ones for the record.
import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Data } from "@/components/ui/data";
import { DueMark } from "@/components/ui/due-mark";
import { PageTitle } from "@/components/ui/notice";
import { ListTable } from "@/components/ui/list-table";
import { BUREAU_TIME_ZONE } from "@/lib/domain/calendar/time-zone";
import { COMPLAINT_STAGES } from "@/lib/domain/complaints/complaints";
import { requireArea } from "@/lib/server/auth/current-actor";
import { listComplaints, ZComplaintsFilter } from "@/lib/server/complaints/list-complaints";

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === "string" && v !== "" ? v : undefined);

export async function generateMetadata() {
  return { title: (await getTranslations("complaints"))("office.title") };
}

export default async function OfficeComplaintsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireArea("complaints", "/office/complaints");
  const sp = await searchParams;
  const filter = ZComplaintsFilter.parse({ stage: one(sp.stage), closed: one(sp.closed) });
  const [t, format, list] = await Promise.all([getTranslations("complaints"), getFormatter(), listComplaints({ actor, filter })]);
  return (
    <div className="flex flex-col gap-4" data-testid="complaints-page">
      <PageTitle>{t("office.title")}</PageTitle>
      <p>{t("office.lead")}</p>
      <nav aria-label={t("office.filters")} className="flex flex-wrap gap-4">
        <Link href="/office/complaints" className="text-blue-800 underline" aria-current={!filter.stage && !filter.closed ? "true" : undefined}>
          {t("office.open")}
        </Link>
        {COMPLAINT_STAGES.map((s) => (
          <Link key={s} href={`/office/complaints?stage=${s}`} className="text-blue-800 underline" aria-current={filter.stage === s ? "true" : undefined} data-testid={`complaints-tab-${s}`}>
            {t("office.stageCount", { stage: t(`stages.${s}`), n: list.counts[s] })}
          </Link>
        ))}
      </nav>
      <ListTable caption={t("office.title")} columns={[t("office.columns.number"), t("office.columns.category"), t("office.columns.stage"), t("office.columns.due"), t("office.columns.section"), t("office.columns.filed")]} testId="complaints" empty={t("office.empty")}>
        {list.rows.map((c) => (
          <tr key={c.id} className="border-b border-slate-200 align-top" data-testid={`complaint-${c.number}`}>
            <td className="py-2 pr-3">
              <Link href={`/office/complaints/${c.id}`} className="font-mono text-blue-800 underline">
                {c.number}
              </Link>
              <span className="block">
                <Data>{c.text}</Data>
              </span>
            </td>
            <td className="py-2 pr-3">{t(`categories.${c.category}`)}</td>
            <td className="py-2 pr-3">
              {t(`stages.${c.stage}`)}
              {c.pressedAt && <span className="block font-medium text-red-800">{t("office.pressed")}</span>}
            </td>
            <td className="py-2 pr-3">
              {c.mark !== "ok" && <DueMark mark={c.mark} label={t(`office.marks.${c.mark}`)} />} <span className="block">{c.stageDueOn ?? "—"}</span>
            </td>
            <td className="py-2 pr-3">
              <Data>{c.sectionName || "—"}</Data>
            </td>
            <td className="py-2 pr-3">{format.dateTime(c.createdAt, { dateStyle: "short", timeStyle: "short", timeZone: BUREAU_TIME_ZONE })}</td>
          </tr>
        ))}
      </ListTable>
    </div>
  );
}
