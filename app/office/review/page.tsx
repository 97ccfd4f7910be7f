// The section's desk: its cases by nearest due date (yellow and red marks), then its items.
import { getTranslations } from "next-intl/server";
import { CaseQueue } from "@/components/cases/case-queue";
import { Card, PageTitle } from "@/components/ui/notice";
import { ItemsTable } from "@/components/ui/items-table";
import { env } from "@/lib/env";
import { requireArea } from "@/lib/server/auth/current-actor";
import { listCaseQueue, queueFilterOf } from "@/lib/server/cases/list-case-queue";
import { SECTION_QUEUE_STATES } from "@/lib/domain/workflow/state-facts";
import { listSectionItems } from "@/lib/server/catalogue/list-sections";
import { homeAreaOf } from "@/lib/domain/access/roles";
import { dataTag } from "@/components/ui/data";

type Search = Record<string, string | string[] | undefined>;

export default async function ReviewPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireArea("review", "/office/review");
  const sp = await searchParams;
  const [t, tc, scope, queue] = await Promise.all([getTranslations("office.review"), getTranslations("case"), listSectionItems({ actor }), listCaseQueue({ actor, filter: queueFilterOf(sp) })]);
  return (
    <div className="flex flex-col gap-4" data-testid={homeAreaOf(actor.role) === "review" ? `home-${actor.role}` : `home-${actor.role}-review`}>
      <PageTitle>{t("title")}</PageTitle>
      {scope.section ? (
        <>
          <p>{t.rich("lead", { section: scope.section.name, duty: scope.section.duty, data: dataTag })}</p>
          <Card title={tc("queue")}>
            <p className="mb-2 text-sm">{tc("queueHint", { days: env().DUE_WARNING_DAYS })}</p>
            <CaseQueue page={queue} testId="section-queue" path="/office/review" states={SECTION_QUEUE_STATES} items={scope.items.map((i) => ({ id: i.id, name: i.name }))} />
          </Card>
          <details className="rounded border border-slate-200 bg-white p-4">
            <summary className="cursor-pointer font-semibold">{t("items", { total: scope.total })}</summary>
            <ItemsTable items={scope.items} caption={t("items", { total: scope.total })} />
          </details>
        </>
      ) : (
        <p>{t("noSection")}</p>
      )}
    </div>
  );
}
