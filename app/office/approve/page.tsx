// Decisions under delegated authority: cases reviewed and waiting for the chief's decision, and
// (for the director) every case escalated outside the delegations. Each queue pages and filters on
// its own (the escalated one under the URL prefix "e").
import { getTranslations } from "next-intl/server";
import { CaseQueue } from "@/components/cases/case-queue";
import { Card, PageTitle } from "@/components/ui/notice";
import { can } from "@/lib/domain/access/permissions";
import { APPROVAL_QUEUE_STATES, ESCALATED_QUEUE_STATES } from "@/lib/domain/workflow/state-facts";
import { requireArea } from "@/lib/server/auth/current-actor";
import { listCaseQueue, queueFilterOf } from "@/lib/server/cases/list-case-queue";

type Search = Record<string, string | string[] | undefined>;

export default async function ApprovePage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireArea("approve", "/office/approve");
  const sp = await searchParams;
  const [t, reviewed, escalated] = await Promise.all([
    getTranslations("office.approve"),
    listCaseQueue({ actor, states: APPROVAL_QUEUE_STATES, filter: queueFilterOf(sp) }),
    can(actor.role, "case:escalated-queue") ? listCaseQueue({ actor, states: ESCALATED_QUEUE_STATES, filter: queueFilterOf(sp, "e") }) : Promise.resolve(null),
  ]);
  return (
    <div className="flex flex-col gap-4" data-testid="home-CHIEF">
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("lead")}</p>
      {escalated && (
        <Card title={t("escalated")}>
          <CaseQueue page={escalated} testId="escalated-queue" path="/office/approve" prefix="e" states={ESCALATED_QUEUE_STATES} />
        </Card>
      )}
      <Card title={t("awaiting")}>
        <CaseQueue page={reviewed} testId="decision-queue" path="/office/approve" states={APPROVAL_QUEUE_STATES} />
      </Card>
    </div>
  );
}
