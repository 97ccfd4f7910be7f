// 帮办代办 at the window: an agent brings the enterprise's paper power of attorney; the clerk checks
// the original, stores its scan and confirms the authority (the enterprise is told at once).
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/applications/action-form";
import { BackLink } from "@/components/ui/back-link";
import { Card, PageTitle } from "@/components/ui/notice";
import { requireArea } from "@/lib/server/auth/current-actor";
import { confirmAuthorityAtWindowAction } from "./actions";

export async function generateMetadata() {
  return { title: (await getTranslations("agents.window"))("title") };
}

export default async function WindowAgentsPage() {
  await requireArea("window", "/office/window/agents");
  const [t, tw] = await Promise.all([getTranslations("agents.window"), getTranslations("office.window")]);
  return (
    <div className="flex flex-col gap-4">
      <BackLink href="/office/window">{tw("title")}</BackLink>
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("lead")}</p>
      <Card>
        <ActionForm
          action={confirmAuthorityAtWindowAction}
          fields={{}}
          inputs={[
            { name: "creditCode", kind: "text", label: t("creditCode") },
            { name: "agentResidentId", kind: "text", label: t("agentResidentId") },
            { name: "scope", kind: "textarea", label: t("scope") },
            { name: "file", kind: "file", label: t("file"), hint: t("fileHint") },
            { name: "checked", kind: "checkbox", label: t("checked") },
          ]}
          label={t("submit")}
          done={t("done")}
          testId="window-authority"
        />
      </Card>
    </div>
  );
}
