// 审管分离: the former departments (原职能部门) and how the results shared with them stand — active
// webhook subscriptions, events, deliveries waiting or failed — each opening its own page.
import { ScrollTable } from "@/components/ui/list-table";
import { getTranslations } from "next-intl/server";
import { BackLink } from "@/components/ui/back-link";
import { Data } from "@/components/ui/data";
import Link from "@/components/ui/link";
import { Card, PageTitle } from "@/components/ui/notice";
import { requireArea } from "@/lib/server/auth/current-actor";
import { listDepartments } from "@/lib/server/departments/list-departments";

export async function generateMetadata() {
  return { title: (await getTranslations("departments"))("title") };
}

export default async function DepartmentsPage() {
  const actor = await requireArea("admin", "/office/admin/departments");
  const [t, departments] = await Promise.all([getTranslations("departments"), listDepartments({ actor })]);
  return (
    <div className="flex flex-col gap-4" data-testid="departments-page">
      <BackLink href="/office/admin">{t("back")}</BackLink>
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("lead")}</p>
      <Card>
        {departments.length === 0 ? (
          <p>{t("empty")}</p>
        ) : (
          <ScrollTable caption={t("tableCaption")} columns={[t("code"), t("name"), t("subscriptions"), t("events"), t("pending"), t("failed"), t("open")]} testId="departments-table">
                {departments.map((d) => (
                  <tr key={d.id} className="border-b border-slate-200" data-testid={`department-${d.code}`}>
                    <td className="py-2 pr-3 font-mono">{d.code}</td>
                    <td className="py-2 pr-3">
                      <Data>{d.name}</Data>
                    </td>
                    <td className="py-2 pr-3">{d.activeSubscriptions}</td>
                    <td className="py-2 pr-3">{d.events}</td>
                    <td className="py-2 pr-3">{d.pending}</td>
                    <td className={`py-2 pr-3 ${d.failed > 0 ? "font-semibold text-red-800" : ""}`}>{d.failed}</td>
                    <td className="py-2 pr-3">
                      <Link href={`/office/admin/departments/${d.id}`} className="text-blue-800 underline" aria-label={t("openNamed", { code: d.code })}>
                        {t("open")}
                      </Link>
                    </td>
                  </tr>
                ))}
              </ScrollTable>
        )}
      </Card>
    </div>
  );
}
