// 专家评审 on a case: the draws made so far (when, field, who was picked, how many were left out for a
// declared conflict, the seed, and whether the stored draw is what its seed gives), and the form of a
// new draw when the transition table offers DRAW_EXPERTS to this actor.
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm, type FormAction } from "@/components/applications/action-form";
import { Data } from "@/components/ui/data";
import { Card } from "@/components/ui/notice";
import { TableHead } from "@/components/ui/table-head";
import { BUREAU_TIME_ZONE } from "@/lib/domain/calendar/time-zone";
import type { listCaseExpertDraws } from "@/lib/server/experts/list-case-expert-draws";

type Draws = Awaited<ReturnType<typeof listCaseExpertDraws>>;

export async function ExpertDraws({ applicationId, draws, fields, mayDraw, action }: Draws & { applicationId: string; mayDraw: boolean; action: FormAction }) {
  if (draws.length === 0 && !mayDraw) return null;
  const [t, format] = await Promise.all([getTranslations("experts.draws"), getFormatter()]);
  return (
    <Card title={t("title")}>
      <div className="flex flex-col gap-4" data-testid="expert-draws">
        {draws.length === 0 ? (
          <p>{t("none")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-left text-sm" data-testid="expert-draw-list">
              <caption className="sr-only">{t("title")}</caption>
              <TableHead columns={[t("at"), t("field"), t("picked"), t("excluded"), t("seed"), t("check")]} />
              <tbody>
                {draws.map((d) => (
                  <tr key={d.id} className="border-b border-slate-200 align-top" data-testid={`expert-draw-${d.id}`}>
                    <td className="py-2 pr-3">
                      {format.dateTime(d.at, { dateStyle: "short", timeStyle: "short", timeZone: BUREAU_TIME_ZONE })}
                      <br />
                      <Data>{d.drawnBy}</Data>
                    </td>
                    <td className="py-2 pr-3">
                      <Data>{d.field}</Data>
                    </td>
                    <td className="py-2 pr-3">
                      <ol className="list-inside list-decimal">
                        {d.picked.map((p) => (
                          <li key={p.id}>
                            <Data>{p.name}</Data>
                            {p.employer && (
                              <span className="text-slate-700">
                                {" · "}
                                <Data>{p.employer}</Data>
                              </span>
                            )}
                          </li>
                        ))}
                      </ol>
                    </td>
                    <td className="py-2 pr-3">{t("excludedOf", { excluded: d.excluded, eligible: d.eligible })}</td>
                    <td className="py-2 pr-3 font-mono text-xs break-all">{d.seed}</td>
                    <td className="py-2 pr-3" data-testid="expert-draw-check">
                      {d.reproducible ? `✓ ${t("reproducible")}` : `✗ ${t("notReproducible")}`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {mayDraw &&
          (fields.length === 0 ? (
            <p>{t("emptyPool")}</p>
          ) : (
            <section aria-labelledby="draw-experts-heading" className="flex flex-col gap-2" data-actions="DRAW_EXPERTS">
              <h3 id="draw-experts-heading" className="font-semibold">
                {t("new")}
              </h3>
              <p className="text-sm">{t("hint")}</p>
              <ActionForm
                action={action}
                fields={{ applicationId }}
                label={t("submit")}
                done={t("done")}
                testId="draw-experts-form"
                inputs={[
                  { name: "field", kind: "select", label: t("field"), options: fields.map((f) => ({ value: f.field, label: f.field })) },
                  { name: "count", kind: "number", label: t("count"), defaultValue: "3" },
                ]}
              />
            </section>
          ))}
      </div>
    </Card>
  );
}
