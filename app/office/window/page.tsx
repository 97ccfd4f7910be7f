// Window clerk's home: the intake queue (online and walk-in filings alike) with its counts, filters
// and pages, walk-in filing, and the issuing queue.
import { ButtonLink } from "@/components/ui/button-link";
import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { listHref, Pager } from "@/components/ui/pager";
import { TableHead } from "@/components/ui/table-head";
import { Card, PageTitle } from "@/components/ui/notice";
import { BUREAU_TIME_ZONE } from "@/lib/domain/calendar/time-zone";
import { listIntakeQueue, ZIntakeQueueFilter } from "@/lib/server/applications/list-intake-queue";
import { requireArea } from "@/lib/server/auth/current-actor";
import { getCatalogueStats } from "@/lib/server/catalogue/get-catalogue-stats";
import { dataLang } from "@/components/ui/data";

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === "string" && v !== "" ? v : undefined);
const SELECT = "rounded border border-slate-500 bg-white px-3 py-2";

export default async function WindowPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireArea("window", "/office/window");
  const sp = await searchParams;
  const filter = ZIntakeQueueFilter.parse({ channel: one(sp.channel), resubmitted: one(sp.resubmitted), q: one(sp.q), order: one(sp.order), after: one(sp.after) });
  const [t, tw, ta, ti, tc, tr, format, stats, queue] = await Promise.all([
    getTranslations("office.window"),
    getTranslations("office.windowCases"),
    getTranslations("application"),
    getTranslations("issuing"),
    getTranslations("case"),
    getTranslations("ratings"),
    getFormatter(),
    getCatalogueStats(),
    listIntakeQueue({ actor, filter }),
  ]);
  const href = (extra: Record<string, string | undefined> = {}) =>
    listHref("/office/window", { channel: filter.channel, resubmitted: filter.resubmitted, q: filter.q, order: filter.order === "oldest" ? undefined : filter.order, ...extra });
  const c = queue.counts;
  return (
    <div className="flex flex-col gap-4" data-testid="home-CLERK">
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("lead")}</p>
      <p>
        <ButtonLink href="/office/window/walk-in">
          {t("walkIn")}
        </ButtonLink>
        <ButtonLink href="/office/window/issuing" variant="secondary" className="ml-3" data-testid="issuing-link">
          {ti("title")}
        </ButtonLink>
        <ButtonLink href="/office/window/cases" variant="secondary" className="ml-3" data-testid="window-cases-link">
          {tw("nav")}
        </ButtonLink>
        <ButtonLink href="/office/window/rate" variant="secondary" className="ml-3" data-testid="tablet-link">
          {tr("tabletTitle")}
        </ButtonLink>
        <ButtonLink href="/office/window/agents" variant="secondary" className="ml-3" data-testid="window-agents-link">
          {t("agents")}
        </ButtonLink>
      </p>
      <Card title={t("queue")}>
        <p className="mb-3 flex flex-wrap gap-x-6 gap-y-1" data-testid="intake-counts">
          <Link href={href({ channel: undefined, resubmitted: undefined })} className="text-blue-800 underline">
            {t("counts.waiting", { n: c.waiting })}
          </Link>
          <Link href={href({ channel: "ONLINE" })} className="text-blue-800 underline">
            {t("counts.online", { n: c.online })}
          </Link>
          <Link href={href({ channel: "WINDOW" })} className="text-blue-800 underline">
            {t("counts.window", { n: c.window })}
          </Link>
          <Link href={href({ resubmitted: "1" })} className="text-blue-800 underline">
            {t("counts.resubmitted", { n: c.resubmitted })}
          </Link>
        </p>
        <form method="get" action="/office/window" className="mb-3 flex flex-wrap items-end gap-3" data-testid="intake-filter">
          <div className="flex flex-col gap-1">
            <label htmlFor="intake-q">{tc("filter.number")}</label>
            <input id="intake-q" name="q" defaultValue={filter.q ?? ""} className={`${SELECT} w-56 font-mono`} />
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="intake-channel">{tc("filter.channel")}</label>
            <select id="intake-channel" name="channel" defaultValue={filter.channel ?? ""} className={SELECT}>
              <option value="">{tc("filter.any")}</option>
              <option value="ONLINE">{tc("filter.channels.ONLINE")}</option>
              <option value="WINDOW">{tc("filter.channels.WINDOW")}</option>
            </select>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="intake-order">{t("order")}</label>
            <select id="intake-order" name="order" defaultValue={filter.order} className={SELECT}>
              <option value="oldest">{t("orders.oldest")}</option>
              <option value="newest">{t("orders.newest")}</option>
            </select>
          </div>
          <button type="submit" className="rounded bg-brand px-4 py-2 font-medium text-white">
            {tc("filter.apply")}
          </button>
        </form>
        {queue.rows.length === 0 ? (
          <p>{t("empty")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-left text-sm" data-testid="intake-queue">
              <TableHead columns={[ta("number"), ta("item"), ta("applicant"), ta("channel"), ta("materialsGiven"), ta("submittedAt")]} />
              <tbody>
                {queue.rows.map((a) => (
                  <tr key={a.id} className="border-b border-slate-200">
                    <td className="py-2 pr-3 font-mono">
                      <Link href={`/office/window/applications/${a.id}`} className="text-blue-800 underline">
                        {a.number}
                      </Link>
                      {a.resubmitted && <span className="ml-1 text-xs">（{t("resubmitted")}）</span>}
                    </td>
                    <td className="py-2 pr-3" {...dataLang(a.itemName)}>{a.itemName}</td>
                    <td className="py-2 pr-3" {...dataLang(a.applicantName)}>{a.applicantName}</td>
                    <td className="py-2 pr-3">{ta(`channels.${a.channel}`)}</td>
                    <td className="py-2 pr-3">
                      {a.materialsGiven}/{a.materialsTotal}
                    </td>
                    <td className="py-2 pr-3">{format.dateTime(a.submittedAt, { dateStyle: "short", timeStyle: "short", timeZone: BUREAU_TIME_ZONE })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pager href={(after) => href({ after })} after={filter.after} next={queue.next} labels={{ first: tc("pager.first"), next: tc("pager.next") }} testId="intake-pager" />
      </Card>
      <p>{t("items", { count: stats.items, instant: stats.instant })}</p>
    </div>
  );
}
