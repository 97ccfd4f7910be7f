// An enterprise's staff sub-accounts (经办人): add a member (they set their password with a code sent
// to the phone given here), see who may file for the enterprise, remove one.
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/applications/action-form";
import { Card, PageTitle } from "@/components/ui/notice";
import { TableHead } from "@/components/ui/table-head";
import { BUREAU_TIME_ZONE } from "@/lib/domain/calendar/time-zone";
import { listEnterpriseStaff } from "@/lib/server/accounts/enterprise-staff";
import { requireArea } from "@/lib/server/auth/current-actor";
import { addEnterpriseStaffAction, removeEnterpriseStaffAction } from "../actions";
import { dataLang } from "@/components/ui/data";
import { BackLink } from "@/components/ui/back-link";

export async function generateMetadata() {
  return { title: (await getTranslations("my.staff"))("title") };
}

export default async function EnterpriseStaffPage() {
  const actor = await requireArea("my", "/my/staff");
  const [t, format, staff] = await Promise.all([getTranslations("my.staff"), getFormatter(), listEnterpriseStaff({ actor })]);
  return (
    <div className="flex flex-col gap-4">
      <BackLink href="/my">{t("back")}</BackLink>
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("lead")}</p>
      <Card title={t("add")}>
        <ActionForm
          action={addEnterpriseStaffAction}
          fields={{}}
          inputs={[
            { name: "name", label: t("name"), kind: "text" },
            { name: "phone", label: t("phone"), kind: "text", hint: t("phoneHint") },
          ]}
          label={t("addSubmit")}
          testId="add-staff"
        />
      </Card>
      <Card title={t("list")}>
        {staff.length === 0 ? (
          <p>{t("none")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-left text-sm" data-testid="enterprise-staff">
              <TableHead columns={[t("loginId"), t("name"), t("phone"), t("lastLogin"), t("actions")]} />
              <tbody>
                {staff.map((s) => (
                  <tr key={s.id} className="border-b border-slate-200">
                    <td className="py-2 pr-3 font-mono">{s.loginId}</td>
                    <td className="py-2 pr-3" {...dataLang(s.name)}>{s.name}</td>
                    <td className="py-2 pr-3">{s.phone ? `${s.phone.slice(0, 3)}****${s.phone.slice(-4)}` : "—"}</td>
                    <td className="py-2 pr-3">{s.lastLoginAt ? format.dateTime(s.lastLoginAt, { dateStyle: "short", timeStyle: "short", timeZone: BUREAU_TIME_ZONE }) : t("never")}</td>
                    <td className="py-2 pr-3">{s.active ? <ActionForm action={removeEnterpriseStaffAction} fields={{ userId: s.id }} label={t("remove")} variant="secondary" testId={`remove-${s.loginId}`} /> : t("removed")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}
