// The job queue as the administrator sees it: jobs waiting, running, retrying after a failure with
// their last error, and failed for good, which can be run again; and the outbox's counts.
import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/applications/action-form";
import { Card, PageTitle } from "@/components/ui/notice";
import { listHref } from "@/components/ui/pager";
import { TableHead } from "@/components/ui/table-head";
import { BUREAU_TIME_ZONE } from "@/lib/domain/calendar/time-zone";
import { requireArea } from "@/lib/server/auth/current-actor";
import { JOB_STATUSES, listJobs, ZJobsFilter } from "@/lib/server/jobs/list-jobs";
import { retryJobAction } from "../actions";
import { BackLink } from "@/components/ui/back-link";

type Search = Record<string, string | string[] | undefined>;

export async function generateMetadata() {
  return { title: (await getTranslations("jobs"))("title") };
}

export default async function JobsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireArea("admin", "/office/admin/jobs");
  const sp = await searchParams;
  const filter = ZJobsFilter.parse({ status: typeof sp.status === "string" ? sp.status : undefined });
  const [t, format, list] = await Promise.all([getTranslations("jobs"), getFormatter(), listJobs({ actor, filter })]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "short", timeStyle: "medium", timeZone: BUREAU_TIME_ZONE });
  return (
    <div className="flex flex-col gap-4">
      <BackLink href="/office/admin">{t("back")}</BackLink>
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("lead")}</p>
      <nav aria-label={t("filters")} className="flex flex-wrap gap-4">
        <Link href="/office/admin/jobs" className="text-blue-800 underline" aria-current={!filter.status ? "true" : undefined}>
          {t("all")}
        </Link>
        {JOB_STATUSES.map((s) => (
          <Link key={s} href={listHref("/office/admin/jobs", { status: s })} className="text-blue-800 underline" aria-current={filter.status === s ? "true" : undefined} data-testid={`jobs-tab-${s}`}>
            {t("statusCount", { status: t(`statuses.${s}`), n: list.counts[s] })}
          </Link>
        ))}
      </nav>
      <Card title={t("outbox")}>
        <p data-testid="outbox-counts">{t("outboxCounts", { pending: list.outbox.PENDING ?? 0, sent: list.outbox.SENT ?? 0, failed: list.outbox.FAILED ?? 0 })}</p>
      </Card>
      {list.rows.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm" data-testid="jobs">
            <caption className="sr-only">{t("title")}</caption>
            <TableHead columns={[t("columns.id"), t("columns.task"), t("columns.status"), t("columns.attempts"), t("columns.runAt"), t("columns.error"), t("columns.actions")]} />
            <tbody>
              {list.rows.map((j) => (
                <tr key={j.id} className="border-b border-slate-200 align-top" data-testid={`job-${j.id}`}>
                  <td className="py-2 pr-3 font-mono">{j.id}</td>
                  <td className="py-2 pr-3">
                    {t.has(`tasks.${j.task}`) ? t(`tasks.${j.task}`) : j.task}
                    <span className="block font-mono text-xs text-slate-600">{j.payload}</span>
                  </td>
                  <td className="py-2 pr-3">{t(`statuses.${j.status}`)}</td>
                  <td className="py-2 pr-3">
                    {j.attempts} / {j.maxAttempts}
                  </td>
                  <td className="py-2 pr-3">{when(j.runAt)}</td>
                  <td className="max-w-xs break-words py-2 pr-3 font-mono text-xs">{j.lastError ?? "—"}</td>
                  <td className="py-2 pr-3">
                    {j.retryable && <ActionForm action={retryJobAction} fields={{ jobId: j.id }} label={t("retry")} testId={`retry-${j.id}`} variant="secondary" />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
