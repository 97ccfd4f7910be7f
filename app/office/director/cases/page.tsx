// The director's view of every open case in the bureau (all sections, instant items too), by the
// nearest promised date, with the counts, filters and paging of every queue.
import { getTranslations } from "next-intl/server";
import { CaseQueue } from "@/components/cases/case-queue";
import { Card, PageTitle } from "@/components/ui/notice";
import { env } from "@/lib/env";
import { SECTION_QUEUE_STATES } from "@/lib/domain/workflow/state-facts";
import { requireArea } from "@/lib/server/auth/current-actor";
import { listCaseQueue, queueFilterOf } from "@/lib/server/cases/list-case-queue";

export async function generateMetadata() {
  return { title: (await getTranslations("titles"))("directorCases") };
}

type Search = Record<string, string | string[] | undefined>;

export default async function DirectorCasesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireArea("director", "/office/director/cases");
  const sp = await searchParams;
  const [t, tc, queue] = await Promise.all([getTranslations("office.director"), getTranslations("case"), listCaseQueue({ actor, filter: queueFilterOf(sp) })]);
  return (
    <div className="flex flex-col gap-4">
      <PageTitle>{t("cases")}</PageTitle>
      <p>{t("casesLead")}</p>
      <Card>
        <p className="mb-2 text-sm">{tc("queueHint", { days: env().DUE_WARNING_DAYS })}</p>
        <CaseQueue page={queue} testId="director-queue" path="/office/director/cases" states={SECTION_QUEUE_STATES} />
      </Card>
    </div>
  );
}
