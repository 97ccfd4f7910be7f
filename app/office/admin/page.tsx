// Administrator's home: staff accounts (list and create) and the sections.
import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { StaffAccountForm } from "@/components/forms/staff-account-form";
import { Card, PageTitle } from "@/components/ui/notice";
import { STAFF_ROLES } from "@/lib/domain/access/roles";
import { listStaffAccounts } from "@/lib/server/accounts/create-staff-account";
import { requireArea } from "@/lib/server/auth/current-actor";
import { listSections } from "@/lib/server/catalogue/list-sections";
import { createStaffAccountAction } from "./actions";
import { TableHead } from "@/components/ui/table-head";
import { Data, dataLang } from "@/components/ui/data";

export default async function AdminPage() {
  const actor = await requireArea("admin", "/office/admin");
  const [t, ta, td, tr, format, staff, sections] = await Promise.all([
    getTranslations("office.admin"),
    getTranslations("api.admin"),
    getTranslations("departments"),
    getTranslations("roles"),
    getFormatter(),
    listStaffAccounts({ actor }),
    listSections({ actor }),
  ]);
  const labelKeys = ["loginId", "name", "role", "section", "password", "submit", "created"] as const;
  const labels = Object.fromEntries(labelKeys.map((k) => [k, t.raw(k) as string])) as Record<(typeof labelKeys)[number], string>;
  return (
    <div className="flex flex-col gap-4" data-testid="home-ADMIN">
      <PageTitle>{t("title")}</PageTitle>
      <p>
        <Link href="/office/admin/items" className="text-blue-800 underline">
          {t("items")}
        </Link>
        <Link href="/office/admin/calendar" className="ml-4 text-blue-800 underline">
          {t("calendar")}
        </Link>
        <Link href="/office/admin/accounts" className="ml-4 text-blue-800 underline" data-testid="accounts-link">
          {t("accounts")}
        </Link>
        <Link href="/office/admin/jobs" className="ml-4 text-blue-800 underline" data-testid="jobs-link">
          {t("jobs")}
        </Link>
        <Link href="/office/admin/centres" className="ml-4 text-blue-800 underline" data-testid="centres-link">
          {t("centres")}
        </Link>
        <Link href="/office/admin/experts" className="ml-4 text-blue-800 underline" data-testid="experts-link">
          {t("experts")}
        </Link>
        <Link href="/office/admin/bundles" className="ml-4 text-blue-800 underline" data-testid="bundles-link">
          {t("bundles")}
        </Link>
        <Link href="/office/admin/api-keys" className="ml-4 text-blue-800 underline" data-testid="api-keys-link">
          {ta("link")}
        </Link>
        <Link href="/office/admin/departments" className="ml-4 text-blue-800 underline" data-testid="departments-link">
          {td("adminLink")}
        </Link>
        <Link href="/office/admin/payments" className="ml-4 text-blue-800 underline" data-testid="payments-link">
          {t("payments")}
        </Link>
      </p>
      <Card title={t("create")}>
        <StaffAccountForm
          action={createStaffAccountAction}
          roles={STAFF_ROLES.map((r) => ({ value: r, label: tr(r) }))}
          sections={[{ value: "", label: t("noSection") }, ...sections.map((s) => ({ value: s.id, label: s.name }))]}
          labels={labels}
        />
      </Card>
      <Card title={t("staff")}>
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm" data-testid="staff-table">
            <TableHead columns={[t("loginId"), t("name"), t("role"), t("section"), t("active"), t("lastLogin")]} />
            <tbody>
              {staff.map((u) => (
                <tr key={u.id} className="border-b border-slate-200">
                  <td className="py-2 pr-3 font-mono">{u.loginId}</td>
                  <td className="py-2 pr-3" {...dataLang(u.name)}>{u.name}</td>
                  <td className="py-2 pr-3">{tr(u.role)}</td>
                  <td className="py-2 pr-3" {...dataLang(u.section?.name)}>
                    {u.section?.name ?? "—"}
                  </td>
                  <td className="py-2 pr-3">{u.active ? t("enabled") : t("disabled")}</td>
                  <td className="py-2 pr-3">{u.lastLoginAt ? format.dateTime(u.lastLoginAt, { dateStyle: "short", timeStyle: "short" }) : t("never")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
      <Card title={t("sections")}>
        <ul className="list-disc pl-5">
          {sections.map((s) => (
            <li key={s.id}>
              {s.code} <Data>{s.name}</Data> — {t("itemCount")} {s._count.items} · {t("staffCount")} {s._count.users}
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
