// A queue of cases by nearest due date: the counts above it (open, overdue, due soon, suspended —
// each a link that filters), a filter form that submits by GET, the page of rows with red (overdue)
// and yellow (due soon) marks written out too, and keyset paging links. Filters and the page live
// in the URL, under an optional prefix when one page shows two queues.
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { DueDate } from "@/components/ui/due-date";
import { DueMark } from "@/components/ui/due-mark";
import { listHref, Pager } from "@/components/ui/pager";
import { TableHead } from "@/components/ui/table-head";
import type { ApplicationState } from "@/lib/domain/workflow/application-workflow";
import { QUEUE_MARKS, type CaseQueuePage } from "@/lib/server/cases/list-case-queue";
import { Data, dataLang } from "@/components/ui/data";

const SELECT = "rounded border border-slate-500 bg-white px-3 py-2";

export async function CaseQueue({
  page,
  testId,
  path,
  prefix = "",
  states,
  items = [],
}: {
  page: CaseQueuePage;
  testId: string;
  /** The page the queue is on. */
  path: string;
  /** Prefix of this queue's URL parameters (e.g. "e" for a second queue on the page). */
  prefix?: string;
  /** The states this queue holds (the state filter offers them). */
  states: readonly ApplicationState[];
  /** Items the filter offers (those in the actor's scope). */
  items?: { id: string; name: string }[];
}) {
  const [t, ta, tk] = await Promise.all([getTranslations("case"), getTranslations("application"), getTranslations("kinds")]);
  const f = page.filter;
  const name = (k: string) => `${prefix}${k}`;
  const params = (extra: Record<string, string | undefined>) =>
    Object.fromEntries(Object.entries({ state: f.state, itemId: f.itemId, mark: f.mark, channel: f.channel, q: f.q, ...extra }).map(([k, v]) => [name(k), v]));
  const href = (extra: Record<string, string | undefined> = {}) => listHref(path, params(extra));
  const c = page.counts;
  const figures = [
    { key: "open", n: c.open, mark: undefined },
    { key: "overdue", n: c.overdue, mark: "overdue" },
    { key: "soon", n: c.soon, mark: "soon" },
    { key: "suspended", n: c.suspended, mark: "suspended" },
  ] as const;
  return (
    <div className="flex flex-col gap-3">
      <p className="flex flex-wrap gap-x-6 gap-y-1" data-testid={`${testId}-counts`}>
        {figures.map((x) => (
          <Link key={x.key} href={href({ mark: x.mark })} className="text-blue-800 underline" data-count={x.key}>
            {t(`counts.${x.key}`, { n: x.n })}
          </Link>
        ))}
      </p>
      <form method="get" action={path} className="flex flex-wrap items-end gap-3" data-testid={`${testId}-filter`}>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${testId}-q`}>{t("filter.number")}</label>
          <input id={`${testId}-q`} name={name("q")} defaultValue={f.q ?? ""} className={`${SELECT} w-56 font-mono`} />
        </div>
        {states.length > 1 && (
          <div className="flex flex-col gap-1">
            <label htmlFor={`${testId}-state`}>{ta("state")}</label>
            <select id={`${testId}-state`} name={name("state")} defaultValue={f.state ?? ""} className={SELECT}>
              <option value="">{t("filter.any")}</option>
              {states.map((s) => (
                <option key={s} value={s}>
                  {ta(`states.${s}`)}
                </option>
              ))}
            </select>
          </div>
        )}
        {items.length > 0 && (
          <div className="flex flex-col gap-1">
            <label htmlFor={`${testId}-item`}>{ta("item")}</label>
            <select id={`${testId}-item`} name={name("itemId")} defaultValue={f.itemId ?? ""} className={`${SELECT} max-w-xs`}>
              <option value="">{t("filter.any")}</option>
              {items.map((i) => (
                <option key={i.id} value={i.id} {...dataLang(i.name)}>
                  {i.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="flex flex-col gap-1">
          <label htmlFor={`${testId}-mark`}>{t("mark")}</label>
          <select id={`${testId}-mark`} name={name("mark")} defaultValue={f.mark ?? ""} className={SELECT}>
            <option value="">{t("filter.any")}</option>
            {QUEUE_MARKS.map((m) => (
              <option key={m} value={m}>
                {t(`marks.${m}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${testId}-channel`}>{t("filter.channel")}</label>
          <select id={`${testId}-channel`} name={name("channel")} defaultValue={f.channel ?? ""} className={SELECT}>
            <option value="">{t("filter.any")}</option>
            <option value="ONLINE">{t("filter.channels.ONLINE")}</option>
            <option value="WINDOW">{t("filter.channels.WINDOW")}</option>
          </select>
        </div>
        <button type="submit" className="rounded bg-brand px-4 py-2 font-medium text-white">
          {t("filter.apply")}
        </button>
      </form>
      {page.rows.length === 0 ? (
        <p>{t("queueEmpty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm" data-testid={testId}>
            <TableHead columns={[t("mark"), ta("number"), ta("item"), ta("applicant"), ta("state"), ta("promisedDue"), ta("statutoryDue")]} />
            <tbody>
              {page.rows.map((r) => (
                <tr key={r.id} className="border-b border-slate-200">
                  <td className="py-2 pr-3">
                    <DueMark mark={r.mark} label={t(`marks.${r.mark}`)} />
                  </td>
                  <td className="py-2 pr-3 font-mono">
                    <Link href={`/office/cases/${r.id}`} className="text-blue-800 underline">
                      {r.number}
                    </Link>
                  </td>
                  <td className="py-2 pr-3">
                    <Data>{r.itemName}</Data>
                    <span className="text-slate-700">（{tk(r.kind)}）</span>
                  </td>
                  <td className="py-2 pr-3" {...dataLang(r.applicantName)}>
                    {r.applicantName}
                  </td>
                  <td className="py-2 pr-3">{ta(`states.${r.state}`)}</td>
                  <td className="py-2 pr-3">
                    <DueDate date={r.promisedDue} provisional={r.provisional.promisedDue} />
                  </td>
                  <td className="py-2 pr-3">
                    <DueDate date={r.statutoryDue} provisional={r.provisional.statutoryDue} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager href={(after) => href({ after })} after={f.after} next={page.next} labels={{ first: t("pager.first"), next: t("pager.next") }} testId={`${testId}-pager`} />
    </div>
  );
}
