// Decisions under delegated authority: cases reviewed and waiting for the chief's decision, and
// (for the director) every case escalated outside the delegations.
import { getTranslations } from "next-intl/server";
import { CaseQueue } from "@/components/cases/case-queue";
import { Card, PageTitle } from "@/components/ui/notice";
import { can } from "@/lib/domain/access/permissions";
import { APPROVAL_QUEUE_STATES, ESCALATED_QUEUE_STATES } from "@/lib/domain/workflow/state-facts";
import { requireArea } from "@/lib/server/auth/current-actor";
import { listCaseQueue } from "@/lib/server/cases/list-case-queue";

export default async function ApprovePage() {
  const actor = await requireArea("approve", "/office/approve");
  const [t, reviewed, escalated] = await Promise.all([
    getTranslations("office.approve"),
    listCaseQueue({ actor, states: APPROVAL_QUEUE_STATES }),
    can(actor.role, "case:escalated-queue") ? listCaseQueue({ actor, states: ESCALATED_QUEUE_STATES }) : Promise.resolve(null),
  ]);
  return (
    <div className="flex flex-col gap-4" data-testid="home-CHIEF">
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("lead")}</p>
      {escalated && (
        <Card title={t("escalated")}>
          <CaseQueue rows={escalated} testId="escalated-queue" />
        </Card>
      )}
      <Card title={t("awaiting")}>
        <CaseQueue rows={reviewed} testId="decision-queue" />
      </Card>
    </div>
  );
}
