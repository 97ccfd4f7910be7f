// 用印记录 for the director and supervisors: every stamp, filtered, paged by keyset, exportable as CSV.
import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui/notice";
import { TableHead } from "@/components/ui/table-head";
import { BUREAU_TIME_ZONE } from "@/lib/domain/calendar/time-zone";
import { requireArea } from "@/lib/server/auth/current-actor";
import { listSeals } from "@/lib/server/seals/list-seals";
import { listStampRecords, ZStampLogFilter } from "@/lib/server/seals/list-stamp-records";
import { Data, dataLang } from "@/components/ui/data";

export async function generateMetadata() {
  return { title: (await getTranslations("titles"))("stamps") };
}

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

export default async function StampsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireArea("supervision", "/office/supervision/stamps");
  const sp = await searchParams;
  const filter = ZStampLogFilter.parse({ sealId: one(sp.sealId), from: one(sp.from), to: one(sp.to), actorId: one(sp.actorId), itemId: one(sp.itemId), after: one(sp.after) });
  const [t, format, page, seals] = await Promise.all([getTranslations("stamps"), getFormatter(), listStampRecords({ actor, filter }), listSeals({ actor })]);
  const query = (extra: Record<string, string | undefined>) =>
    new URLSearchParams(Object.entries({ ...filter, after: undefined, ...extra }).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== "")).toString();
  return (
    <div className="flex flex-col gap-4">
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("lead")}</p>
      <Card title={t("filter")}>
        <form method="get" className="flex flex-wrap items-end gap-3" data-testid="stamp-filter">
          <div className="flex flex-col gap-1">
            <label htmlFor="sealId">{t("seal")}</label>
            <select id="sealId" name="sealId" defaultValue={filter.sealId ?? ""} className="rounded border border-slate-500 bg-white px-3 py-2">
              <option value="">{t("any")}</option>
              {seals.map((s) => (
                <option key={s.id} value={s.id} {...dataLang(s.name)}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="from">{t("from")}</label>
            <input id="from" name="from" type="date" defaultValue={filter.from ?? ""} className="rounded border border-slate-500 bg-white px-3 py-2" />
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="to">{t("to")}</label>
            <input id="to" name="to" type="date" defaultValue={filter.to ?? ""} className="rounded border border-slate-500 bg-white px-3 py-2" />
          </div>
          <button type="submit" className="rounded bg-brand px-4 py-2 font-medium text-white">
            {t("filter")}
          </button>
          <a href={`/office/supervision/stamps.csv?${query({})}`} className="text-blue-800 underline" data-testid="stamps-csv">
            {t("csv")}
          </a>
        </form>
      </Card>
      <Card>
        <p className="mb-2" data-testid="stamps-total">
          {t("total", { total: page.total })}
        </p>
        {page.rows.length === 0 ? (
          <p>{t("empty")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-left text-sm" data-testid="stamp-log">
              <TableHead columns={[t("at"), t("seal"), t("actor"), t("document"), t("holder"), t("hashes")]} />
              <tbody>
                {page.rows.map((r) => (
                  <tr key={r.id} className="border-b border-slate-200">
                    <td className="py-2 pr-3">{format.dateTime(r.stampedAt, { dateStyle: "short", timeStyle: "medium", timeZone: BUREAU_TIME_ZONE })}</td>
                    <td className="py-2 pr-3">
                      <Data>{r.seal.name}</Data>
                      <span className="block font-mono text-xs">{r.seal.keyId}</span>
                    </td>
                    <td className="py-2 pr-3" {...dataLang(r.actor.name)}>
                      {r.actor.name}
                    </td>
                    <td className="py-2 pr-3">
                      {r.certificate ? (
                        <Link href={`/verify/${encodeURIComponent(r.certificate.identifier)}`} className="text-blue-800 underline">
                          <Data>{r.certificateNo}</Data>
                        </Link>
                      ) : (
                        <Data>{r.certificateNo}</Data>
                      )}
                      <Data className="block text-xs">{r.certificate?.name}</Data>
                    </td>
                    <td className="py-2 pr-3" {...dataLang(r.certificate?.holderName)}>
                      {r.certificate?.holderName}
                    </td>
                    <td className="py-2 pr-3 font-mono text-xs break-all">
                      {r.pdfSha256?.slice(0, 16)}… / {r.recordSm3?.slice(0, 16)}…
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p className="mt-3 flex gap-4">
          {filter.after && (
            <Link href={`/office/supervision/stamps?${query({})}`} className="text-blue-800 underline">
              {t("first")}
            </Link>
          )}
          {page.next && (
            <Link href={`/office/supervision/stamps?${query({ after: page.next })}`} className="text-blue-800 underline" data-testid="stamps-next">
              {t("next")}
            </Link>
          )}
        </p>
      </Card>
    </div>
  );
}
