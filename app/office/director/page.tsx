// Director's desk: the seal register (one active seal, archived department seals) and sections.
import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/applications/action-form";
import { DelegationForm } from "@/components/forms/delegation-form";
import { Card, PageTitle } from "@/components/ui/notice";
import { TableHead } from "@/components/ui/table-head";
import { toPlainDate } from "@/lib/domain/calendar/working-days";
import { requireArea } from "@/lib/server/auth/current-actor";
import { listSections } from "@/lib/server/catalogue/list-sections";
import { listDelegationGrantees } from "@/lib/server/delegations/list-delegation-grantees";
import { listDelegations } from "@/lib/server/delegations/list-delegations";
import { listSeals } from "@/lib/server/seals/list-seals";
import { grantDelegationAction, revokeDelegationAction, rotateSealAction } from "./actions";
import { DELEGABLE_ROLES } from "@/lib/domain/delegation/delegation";
import { Data } from "@/components/ui/data";

export default async function DirectorPage() {
  const actor = await requireArea("director", "/office/director");
  const [t, td, tr, tf, format, seals, sections, delegations, staff] = await Promise.all([
    getTranslations("office"),
    getTranslations("delegation"),
    getTranslations("roles"),
    getTranslations("common"),
    getFormatter(),
    listSeals({ actor }),
    listSections({ actor }),
    listDelegations({ actor }),
    listDelegationGrantees({ actor }),
  ]);
  const grantees = [
    ...DELEGABLE_ROLES.map((r) => ({ value: `role:${r}`, label: td("everyone", { role: tr(r) }) })),
    ...staff.map((u) => ({ value: `user:${u.id}`, label: td("granteeOption", { name: u.name, loginId: u.loginId, role: tr(u.role) }) })),
  ];
  const formKeys = ["grantee", "sections", "itemCodes", "itemCodesHint", "scope", "INSTANT_ONLY", "INSTANT_AND_PROMISED", "validFrom", "validTo", "note", "submit", "granted"] as const;
  const now = new Date();
  return (
    <div className="flex flex-col gap-4" data-testid="home-DIRECTOR">
      <PageTitle>{t("director.title")}</PageTitle>
      <p>
        <Link href="/office/director/cases" className="text-blue-800 underline" data-testid="director-cases-link">
          {t("director.cases")}
        </Link>
        {" · "}
        <Link href="/office/approve" className="text-blue-800 underline">
          {td("toEscalated")}
        </Link>
      </p>
      <Card title={td("register")}>
        {delegations.length === 0 ? (
          <p>{td("none")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-left text-sm" data-testid="delegation-register">
              <TableHead columns={[td("number"), td("grantee"), td("scopeColumn"), td("period"), td("status"), ""]} />
              <tbody>
                {delegations.map((d) => {
                  return (
                    <tr key={d.id} className="border-b border-slate-200 align-top">
                      <td className="py-2 pr-3">
                        <Link href={`/office/delegations/${d.id}`} className="text-blue-800 underline">
                          <Data>{d.number}</Data>
                        </Link>
                      </td>
                      <td className="py-2 pr-3">
                        {d.grantee.kind === "user" ? (
                          <>
                            <Data>{d.grantee.name}</Data> ({d.grantee.loginId})
                          </>
                        ) : (
                          td("everyone", { role: tr(d.grantee.role) })
                        )}
                      </td>
                      <td className="py-2 pr-3">
                        {td(d.scope)}
                        {tf("colon")}
                        <Data>{[...d.sections, ...d.items].join(tf("listSeparator"))}</Data>
                      </td>
                      <td className="py-2 pr-3 whitespace-nowrap">
                        {d.validFrom} — {d.validTo}
                      </td>
                      <td className="py-2 pr-3">{td(`statuses.${d.status}`)}</td>
                      <td className="py-2 pr-3">
                        {d.actions.includes("REVOKE") && (
                          <details>
                            <summary className="cursor-pointer text-blue-800 underline">{td("revoke")}</summary>
                            <ActionForm
                              action={revokeDelegationAction}
                              fields={{ delegationId: d.id }}
                              label={td("revokeSubmit")}
                              testId={`revoke-${d.id}`}
                              variant="secondary"
                              inputs={[{ name: "reason", label: td("revokeReason"), kind: "text" }]}
                            />
                          </details>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      <Card title={td("grant")}>
        <DelegationForm
          action={grantDelegationAction}
          grantees={grantees}
          sections={sections.map((s) => ({ id: s.id, name: s.name }))}
          labels={Object.fromEntries(formKeys.map((k) => [k, td.raw(k) as string])) as Record<(typeof formKeys)[number], string>}
          today={toPlainDate(now)}
        />
      </Card>
      <Card title={t("director.seals")}>
        <ul className="divide-y divide-slate-200" data-testid="seal-register">
          {seals.map((s) => (
            <li key={s.id} className="flex flex-wrap justify-between gap-2 py-2">
              <Data className={s.status === "ACTIVE" ? "font-semibold" : ""}>{s.name}</Data>
              <span className="text-sm text-slate-700">
                {s.status === "ACTIVE"
                  ? <>{t("director.active")} · {t("director.holder")}{tf("colon")}<Data>{s.holder}</Data></>
                  : `${t("director.archived")} · ${t("director.archivedAt")}${tf("colon")}${s.archivedAt ? format.dateTime(s.archivedAt, { dateStyle: "medium" }) : "—"}`}
                {` · ${t("director.stamps")}${tf("colon")}${s._count.stampRecords}`}
              </span>
            </li>
          ))}
        </ul>
        <div className="mt-3 flex flex-col gap-2">
          <p className="text-sm">{t("director.rotateHint")}</p>
          <ActionForm action={rotateSealAction} fields={{}} label={t("director.rotate")} done={t("director.rotated")} testId="rotate-seal-form" variant="secondary" />
        </div>
      </Card>
      <Card title={t("director.sections")}>
        <ul className="list-disc pl-5">
          {sections.map((s) => (
            <li key={s.id}>
              <Data>{s.name}</Data> ({s._count.items}) — <Data>{s.duty}</Data>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
