// 评审专家库: the experts the bureau draws for expert reviews (专家评审), by field, and the conflicts
// of interest they declared (回避) — an expert is never drawn for an applicant they declared one with.
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/applications/action-form";
import { Data } from "@/components/ui/data";
import { Card, PageTitle } from "@/components/ui/notice";
import { TableHead } from "@/components/ui/table-head";
import { BUREAU_TIME_ZONE } from "@/lib/domain/calendar/time-zone";
import { requireArea } from "@/lib/server/auth/current-actor";
import { listExperts } from "@/lib/server/experts/list-experts";
import { addExpertAction, declareConflictAction, setExpertActiveAction } from "./actions";
import { BackLink } from "@/components/ui/back-link";

export async function generateMetadata() {
  return { title: (await getTranslations("experts"))("title") };
}

export default async function ExpertsPage() {
  const actor = await requireArea("admin", "/office/admin/experts");
  const [t, format, experts] = await Promise.all([getTranslations("experts"), getFormatter(), listExperts({ actor })]);
  const fields = [...new Set(experts.map((e) => e.field))];
  return (
    <div className="flex flex-col gap-4" data-testid="experts-page">
      <BackLink href="/office/admin">{t("back")}</BackLink>
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("lead")}</p>
      {experts.length === 0 && <p>{t("empty")}</p>}
      {fields.map((field) => {
        const ofField = experts.filter((e) => e.field === field);
        return (
          <Card key={field} title={<Data>{field}</Data>}>
            <p className="mb-2 text-sm">{t("fieldCount", { n: ofField.length, active: ofField.filter((e) => e.active).length })}</p>
            <div className="overflow-x-auto">
              <table className="w-full border-collapse text-left text-sm" data-testid={`experts-${field}`}>
                <caption className="sr-only">{t("tableCaption")}</caption>
                <TableHead columns={[t("name"), t("employer"), t("status"), t("conflicts"), t("change")]} />
                <tbody>
                  {ofField.map((e) => (
                    <tr key={e.id} className="border-b border-slate-200 align-top" data-testid={`expert-${e.id}`}>
                      <td className="py-2 pr-3">
                        <Data>{e.name}</Data>
                      </td>
                      <td className="py-2 pr-3">
                        <Data>{e.employer || "—"}</Data>
                      </td>
                      <td className="py-2 pr-3">{e.active ? t("active") : t("inactive")}</td>
                      <td className="py-2 pr-3">
                        {e.conflicts.length === 0 ? (
                          "—"
                        ) : (
                          <ul className="flex flex-col gap-1">
                            {e.conflicts.map((c) => (
                              <li key={c.id}>
                                <Data>{c.applicant}</Data> <span className="font-mono">{c.identifier}</span>
                                {c.reason && (
                                  <>
                                    {" · "}
                                    <Data>{c.reason}</Data>
                                  </>
                                )}
                                {" · "}
                                {format.dateTime(c.declaredAt, { dateStyle: "short", timeZone: BUREAU_TIME_ZONE })}
                              </li>
                            ))}
                          </ul>
                        )}
                      </td>
                      <td className="py-2 pr-3">
                        <ActionForm
                          action={setExpertActiveAction}
                          fields={{ expertId: e.id, active: e.active ? "false" : "true" }}
                          label={e.active ? t("deactivate") : t("reactivate")}
                          variant="secondary"
                          testId={`expert-active-${e.id}`}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Card>
        );
      })}
      {experts.length > 0 && (
        <Card title={t("declare")}>
          <p className="mb-2 text-sm">{t("declareLead")}</p>
          <ActionForm
            action={declareConflictAction}
            fields={{}}
            label={t("declareSubmit")}
            select={{ name: "expertId", label: t("expert"), options: [{ value: "", label: t("chooseExpert") }, ...experts.map((e) => ({ value: e.id, label: `${e.name}（${e.field}）` }))] }}
            inputs={[
              { name: "identifier", kind: "text", label: t("identifier"), hint: t("identifierHint") },
              { name: "reason", kind: "text", label: t("reason") },
            ]}
            testId="declare-conflict"
          />
        </Card>
      )}
      <Card title={t("add")}>
        <ActionForm
          action={addExpertAction}
          fields={{}}
          label={t("addSubmit")}
          inputs={[
            { name: "name", kind: "text", label: t("name") },
            { name: "field", kind: "text", label: t("field"), hint: t("fieldHint") },
            { name: "employer", kind: "text", label: t("employer") },
          ]}
          testId="add-expert"
        />
      </Card>
    </div>
  );
}
