// Supervisor's desk (电子监察): the audit trail, read-only — the whole trail newest first, or one
// case in order — and a check of its hash chain.
import { getFormatter, getTranslations } from "next-intl/server";
import { Card, Notice, PageTitle } from "@/components/ui/notice";
import Link from "@/components/ui/link";
import { ActionForm } from "@/components/applications/action-form";
import { anchorAuditChainAction } from "./actions";
import { GetSearchForm } from "@/components/ui/get-search-form";
import { listHref, Pager } from "@/components/ui/pager";
import { TableHead } from "@/components/ui/table-head";
import { BUREAU_TIME_ZONE } from "@/lib/domain/calendar/time-zone";
import { requireArea } from "@/lib/server/auth/current-actor";
import { checkAuditChain, listAuditEvents } from "@/lib/server/supervision/list-audit-events";
import { homeAreaOf } from "@/lib/domain/access/roles";
import { Data } from "@/components/ui/data";

export default async function SupervisionPage({ searchParams }: { searchParams: Promise<{ number?: string; verify?: string; order?: string; after?: string }> }) {
  const actor = await requireArea("supervision", "/office/supervision");
  const sp = await searchParams;
  const number = typeof sp.number === "string" ? sp.number.trim() || undefined : undefined;
  const order = sp.order === "oldest" || sp.order === "newest" ? sp.order : undefined;
  const after = typeof sp.after === "string" ? sp.after : undefined;
  const [t, tc, ta, format, trail, verdict] = await Promise.all([
    getTranslations("office.supervision"),
    getTranslations("case"),
    getTranslations("application.events"),
    getFormatter(),
    listAuditEvents({ actor, applicationNumber: number, order, after }),
    sp.verify ? checkAuditChain({ actor }) : Promise.resolve(null),
  ]);
  return (
    <div className="flex flex-col gap-4" data-testid={homeAreaOf(actor.role) === "supervision" ? `home-${actor.role}` : `home-${actor.role}-supervision`}>
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("lead")}</p>
      <Card>
        <div className="flex flex-wrap items-end justify-between gap-4">
          <GetSearchForm name="number" label={t("caseNumber")} defaultValue={sp.number} button={t("showCase")} />
          <form method="get">
            {sp.number && <input type="hidden" name="number" value={sp.number} />}
            <input type="hidden" name="verify" value="1" />
            <button type="submit" className="rounded border border-brand px-4 py-2 text-brand">
              {t("verify")}
            </button>
          </form>
          <div data-testid="anchor-form">
            <ActionForm action={anchorAuditChainAction} fields={{}} label={t("anchor")} done={t("anchored")} variant="secondary" testId="anchor" />
          </div>
        </div>
        {verdict && (
          <div className="mt-3" data-testid="chain-verdict">
            {verdict.ok ? (
              <Notice kind="success">
                {t("chainOk", { count: verdict.count })} {t("anchorsOk", { anchors: verdict.anchors ?? 0 })}
              </Notice>
            ) : (
              <Notice kind="error">{t("chainBroken", { id: verdict.brokenAt, problem: t(`problems.${verdict.problem}`) })}</Notice>
            )}
          </div>
        )}
      </Card>
      <Card title={number ? t("caseTrail", { number }) : trail.order === "oldest" ? t("earliest") : t("latest")}>
        <p className="mb-2 flex gap-4 text-sm" data-testid="audit-order">
          <Link href={listHref("/office/supervision", { number, order: "newest" })} className="text-blue-800 underline" aria-current={trail.order === "newest" ? "true" : undefined}>
            {t("newestFirst")}
          </Link>
          <Link href={listHref("/office/supervision", { number, order: "oldest" })} className="text-blue-800 underline" aria-current={trail.order === "oldest" ? "true" : undefined}>
            {t("oldestFirst")}
          </Link>
        </p>
        {sp.number && !trail.caseFound ? (
          <p>{t("noCase")}</p>
        ) : trail.events.length === 0 ? (
          <p>{t("empty")}</p>
        ) : (
          // Focusable, so the wide trail can be scrolled from the keyboard.
          <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={number ? t("caseTrail", { number }) : trail.order === "oldest" ? t("earliest") : t("latest")}>
            <table className="w-full border-collapse text-left text-sm" data-testid="audit-trail">
              <TableHead columns={[t("seq"), t("when"), t("who"), t("action"), t("delegation"), t("entity")]} />
              <tbody>
                {trail.events.map((e) => (
                  <tr key={e.id} className="border-b border-slate-200 align-top">
                    <td className="py-2 pr-3 font-mono">{e.id}</td>
                    <td className="py-2 pr-3 whitespace-nowrap">{format.dateTime(e.at, { dateStyle: "short", timeStyle: "medium", timeZone: BUREAU_TIME_ZONE })}</td>
                    <td className="py-2 pr-3">
                      {e.actor ? (
                        <>
                          <Data>{e.actor.name}</Data> ({e.actor.loginId})
                        </>
                      ) : (
                        t("system")
                      )}
                    </td>
                    <td className="py-2 pr-3">
                      {ta.has(e.action.replaceAll(".", "_")) && <span className="block">{ta(e.action.replaceAll(".", "_"))}</span>}
                      <span className="font-mono text-xs">{e.action}</span>
                      {e.change && <Data className="block max-w-md truncate text-xs text-slate-700">{e.change}</Data>}
                    </td>
                    <td className="py-2 pr-3">
                      <Data>{e.delegation ?? "—"}</Data>
                    </td>
                    <td className="py-2 pr-3 font-mono text-xs">{`${e.entityType} ${e.entityLabel}`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pager href={(a) => listHref("/office/supervision", { number, order: trail.order, after: a })} after={after} next={trail.next} labels={{ first: tc("pager.first"), next: tc("pager.next") }} testId="audit-pager" />
      </Card>
    </div>
  );
}
