// Where one's notices go, for everyone signed in: SMS to the phone on record, e-mail to an address
// given here (the portal inbox always has every message).
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/applications/action-form";
import { Card, PageTitle } from "@/components/ui/notice";
import { requireSignedIn } from "@/lib/server/auth/current-actor";
import { orAccessPage } from "@/lib/server/http-errors";
import { getNotificationPreferences } from "@/lib/server/notifications/preferences";
import { updateNotificationPreferencesAction } from "./actions";

export async function generateMetadata() {
  return { title: (await getTranslations("notifications"))("title") };
}

export default async function NotificationsPage() {
  const actor = await requireSignedIn("/notifications");
  const [t, prefs] = await Promise.all([getTranslations("notifications"), orAccessPage(getNotificationPreferences({ actor }))]);
  const phone = prefs.phone ? `${prefs.phone.slice(0, 3)}****${prefs.phone.slice(-4)}` : null;
  return (
    <div className="flex flex-col gap-4">
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("lead")}</p>
      <Card>
        <ActionForm
          action={updateNotificationPreferencesAction}
          fields={{}}
          label={t("save")}
          testId="notification-preferences"
          inputs={[
            { name: "sms", kind: "checkbox", label: phone ? t("sms", { phone }) : t("smsNoPhone"), defaultValue: prefs.sms ? "on" : "" },
            { name: "email", kind: "checkbox", label: t("email"), defaultValue: prefs.byEmail ? "on" : "" },
            { name: "emailAddress", kind: "text", label: t("emailAddress"), defaultValue: prefs.email ?? "", hint: t("emailHint") },
          ]}
        />
      </Card>
    </div>
  );
}
