// One complaint for staff: what was said, its files, the case it names, every step with who took
// it, and the forms for the steps the domain allows this actor now (assign, press, handle, answer).
import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/applications/action-form";
import { Data } from "@/components/ui/data";
import { DueMark } from "@/components/ui/due-mark";
import { Card, PageTitle } from "@/components/ui/notice";
import { BUREAU_TIME_ZONE } from "@/lib/domain/calendar/time-zone";
import { requireArea } from "@/lib/server/auth/current-actor";
import { getComplaint } from "@/lib/server/complaints/list-complaints";
import { orAccessPage } from "@/lib/server/http-errors";
import { answerComplaintAction, assignComplaintAction, handleComplaintAction, pressComplaintAction } from "../actions";

export async function generateMetadata() {
  return { title: (await getTranslations("complaints"))("office.detailTitle") };
}

export default async function OfficeComplaintPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireArea("complaints", `/office/complaints/${id}`);
  const [t, format, c] = await Promise.all([getTranslations("complaints"), getFormatter(), orAccessPage(getComplaint({ actor, complaintId: id }))]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: BUREAU_TIME_ZONE });
  const o = (k: string) => t(`office.${k}`);
  // A card step's text is "<stage>:<colour>" (lib/server/complaints/sweep-complaints.ts).
  const cardLabel = (mark: string) => {
    const [stage, colour] = mark.split(":");
    return t("office.card", { colour: t(`office.colours.${colour}`), stage: t(`stages.${stage}`) });
  };
  return (
    <div className="flex flex-col gap-4" data-testid="complaint-file">
      <p>
        <Link href="/office/complaints" className="text-blue-800 underline">
          {o("back")}
        </Link>
      </p>
      <PageTitle>
        {o("detailTitle")} <span className="font-mono">{c.number}</span>
      </PageTitle>
      <Card>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt>{t("progress.category")}</dt>
          <dd>{t(`categories.${c.category}`)}</dd>
          <dt>{t("progress.stage")}</dt>
          <dd data-testid="complaint-stage">
            {t(`stages.${c.stage}`)} {c.mark !== "ok" && <DueMark mark={c.mark} label={o(`marks.${c.mark}`)} />}
            {c.stageDueOn && <span className="ml-2">{t("office.dueOn", { date: c.stageDueOn })}</span>}
          </dd>
          <dt>{o("columns.section")}</dt>
          <dd>
            <Data>{c.sectionName || "—"}</Data>
          </dd>
          <dt>{o("complainant")}</dt>
          <dd>
            <Data>{c.name || o("anonymous")}</Data> · <span className="font-mono">{c.phone}</span>
          </dd>
          {c.applicationNumber && (
            <>
              <dt>{o("application")}</dt>
              <dd>
                {c.application ? (
                  <Link href={`/office/cases/${c.application.id}`} className="font-mono text-blue-800 underline">
                    {c.application.number}
                  </Link>
                ) : (
                  <span className="font-mono">{c.applicationNumber}</span>
                )}
                {c.application && (
                  <span className="ml-2">
                    <Data>{c.application.itemName}</Data>
                  </span>
                )}
              </dd>
            </>
          )}
          <dt>{t("progress.text")}</dt>
          <dd>
            <Data>{c.text}</Data>
          </dd>
          {c.attachments.length > 0 && (
            <>
              <dt>{o("attachments")}</dt>
              <dd>
                <ul>
                  {c.attachments.map((a) => (
                    <li key={a.id}>
                      <a href={`/office/complaints/${c.id}/files/${a.id}`} className="text-blue-800 underline">
                        <Data>{a.name}</Data>
                      </a>
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          )}
          {c.satisfaction && (
            <>
              <dt>{t("progress.satisfaction")}</dt>
              <dd data-testid="complaint-satisfaction-given">
                {t(`satisfaction.${c.satisfaction}`)}
                {c.satisfactionComment && (
                  <span className="ml-2">
                    <Data>{c.satisfactionComment}</Data>
                  </span>
                )}
              </dd>
            </>
          )}
        </dl>
      </Card>
      <Card>
        <h2 className="mb-2 text-lg font-semibold">{t("progress.steps")}</h2>
        <ol className="flex flex-col gap-2" data-testid="complaint-steps">
          {c.steps.map((s) => (
            <li key={s.id}>
              {when(s.at)} · {t(`steps.${s.kind}`)}
              {s.by && (
                <>
                  {" "}
                  · <Data>{s.by}</Data>
                </>
              )}
              {s.kind === "CARD" ? (
                <span className="block font-medium text-red-800">{cardLabel(s.text)}</span>
              ) : (
                s.text && (
                  <span className="block">
                    <Data>{s.text}</Data>
                  </span>
                )
              )}
            </li>
          ))}
        </ol>
      </Card>
      {c.actions.length > 0 && (
        <Card>
          <h2 className="mb-2 text-lg font-semibold">{o("actions")}</h2>
          <div className="flex flex-col gap-6">
            {c.actions.includes("ASSIGN") && (
              <ActionForm
                action={assignComplaintAction}
                fields={{ complaintId: c.id }}
                label={o("assign")}
                testId="assign-complaint"
                select={{ name: "sectionId", label: o("section"), options: [{ value: "", label: o("chooseSection") }, ...c.sections.map((s) => ({ value: s.id, label: s.name }))] }}
                inputs={[{ name: "note", kind: "textarea", label: o("assignNote") }]}
              />
            )}
            {c.actions.includes("HANDLE") && (
              <ActionForm action={handleComplaintAction} fields={{ complaintId: c.id }} label={o("handle")} testId="handle-complaint" inputs={[{ name: "handling", kind: "textarea", label: o("handling"), hint: o("handlingHint") }]} />
            )}
            {c.actions.includes("ANSWER") && (
              <ActionForm action={answerComplaintAction} fields={{ complaintId: c.id }} label={o("answer")} testId="answer-complaint" inputs={[{ name: "answer", kind: "textarea", label: o("answerText"), hint: o("answerHint"), defaultValue: c.handling ?? "" }]} />
            )}
            {c.actions.includes("PRESS") && (
              <ActionForm action={pressComplaintAction} fields={{ complaintId: c.id }} label={o("press")} variant="secondary" testId="press-complaint" inputs={[{ name: "text", kind: "textarea", label: o("pressText") }]} />
            )}
          </div>
        </Card>
      )}
    </div>
  );
}
