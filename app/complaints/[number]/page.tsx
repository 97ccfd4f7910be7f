// One complaint, as its complainant follows it without signing in: the link's key (sent by SMS and
// shown on filing) is the only authority. Stages passed with their dates, the answer, and — once
// answered — whether they are satisfied, which closes the complaint (or, unsatisfied the first
// time, sends it back to be handled again).
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/applications/action-form";
import { Data } from "@/components/ui/data";
import { Card, Notice, PageTitle } from "@/components/ui/notice";
import { BUREAU_TIME_ZONE } from "@/lib/domain/calendar/time-zone";
import { COMPLAINT_SATISFACTION } from "@/lib/domain/complaints/complaints";
import { complaintProgress } from "@/lib/server/complaints/track-complaint";
import { orAccessPage } from "@/lib/server/http-errors";
import { giveSatisfactionAction } from "../actions";

export async function generateMetadata() {
  return { title: (await getTranslations("complaints"))("progress.title") };
}

export default async function ComplaintProgressPage({ params, searchParams }: { params: Promise<{ number: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [{ number }, sp] = await Promise.all([params, searchParams]);
  const key = typeof sp.k === "string" ? sp.k.slice(0, 60) : "";
  const [t, format, c] = await Promise.all([getTranslations("complaints"), getFormatter(), orAccessPage(complaintProgress({ number: decodeURIComponent(number).slice(0, 40), key }))]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: BUREAU_TIME_ZONE });
  return (
    <div className="flex max-w-3xl flex-col gap-4" data-testid="complaint-progress">
      <PageTitle>{t("progress.title")}</PageTitle>
      <Card>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt>{t("progress.number")}</dt>
          <dd className="font-mono">{c.number}</dd>
          <dt>{t("progress.category")}</dt>
          <dd>{t(`categories.${c.category}`)}</dd>
          <dt>{t("progress.stage")}</dt>
          <dd data-testid="complaint-stage">{t(`stages.${c.stage}`)}</dd>
          {c.stageDueOn && (
            <>
              <dt>{t("progress.due")}</dt>
              <dd>{c.stageDueOn}</dd>
            </>
          )}
          <dt>{t("progress.text")}</dt>
          <dd>
            <Data>{c.text}</Data>
          </dd>
        </dl>
      </Card>
      <Card>
        <h2 className="mb-2 text-lg font-semibold">{t("progress.steps")}</h2>
        <ol className="flex flex-col gap-1" data-testid="complaint-steps">
          {c.steps.map((s, i) => (
            <li key={i}>
              {when(s.at)} · {t(`steps.${s.kind}`)}
            </li>
          ))}
        </ol>
      </Card>
      {c.answer && (
        <Card>
          <h2 className="mb-2 text-lg font-semibold">{t("progress.answer")}</h2>
          <p data-testid="complaint-answer">
            <Data>{c.answer}</Data>
          </p>
        </Card>
      )}
      {c.timesReopened > 0 && !c.maySatisfy && !c.satisfaction && <Notice kind="info">{t("progress.reopened")}</Notice>}
      {c.maySatisfy && (
        <Card>
          <h2 className="mb-2 text-lg font-semibold">{t("progress.satisfactionHeading")}</h2>
          {c.unsatisfiedReopens && <p className="mb-2 text-sm text-slate-700">{t("progress.reopenHint")}</p>}
          <ActionForm
            action={giveSatisfactionAction}
            fields={{ number: c.number, key }}
            label={t("progress.satisfactionSubmit")}
            done={t("progress.satisfactionDone")}
            testId="complaint-satisfaction"
            inputs={[
              { name: "satisfaction", kind: "select", label: t("progress.satisfaction"), options: [{ value: "", label: t("progress.choose") }, ...COMPLAINT_SATISFACTION.map((s) => ({ value: s, label: t(`satisfaction.${s}`) }))] },
              { name: "comment", kind: "textarea", label: t("progress.comment") },
            ]}
          />
        </Card>
      )}
      {c.satisfaction && <Notice kind="info">{t("progress.satisfactionGiven", { level: t(`satisfaction.${c.satisfaction}`) })}</Notice>}
    </div>
  );
}
