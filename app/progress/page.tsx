// 办件进度查询: public, by application number and the last four characters of the ID.
import { getTranslations } from "next-intl/server";
import { ProgressLookup } from "@/components/applications/progress-lookup";
import { PageTitle } from "@/components/ui/notice";
import { APPLICATION_STATES } from "@/lib/domain/workflow/application-workflow";
import { lookupProgressAction } from "./actions";

export async function generateMetadata() {
  return { title: (await getTranslations("progress"))("title") };
}

export default async function ProgressPage() {
  const [t, ta] = await Promise.all([getTranslations("progress"), getTranslations("application")]);
  const keys = ["number", "numberHint", "idTail", "idTailHint", "submit", "notFound"] as const;
  return (
    <div className="flex flex-col gap-4">
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("lead")}</p>
      <ProgressLookup
        action={lookupProgressAction}
        labels={{
          ...(Object.fromEntries(keys.map((k) => [k, t(k)])) as Record<(typeof keys)[number], string>),
          item: ta("item"),
          state: ta("state"),
          submittedAt: ta("submittedAt"),
          acceptedAt: ta("acceptedAt"),
          promisedDue: ta("promisedDue"),
          statutoryDue: ta("statutoryDue"),
          provisional: ta("provisional"),
          provisionalHint: ta("provisionalHint"),
        }}
        states={Object.fromEntries(APPLICATION_STATES.map((s) => [s, ta(`states.${s}`)]))}
      />
    </div>
  );
}
