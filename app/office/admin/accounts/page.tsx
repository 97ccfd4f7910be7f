// The administrator's accounts: find any account by login or name; unlock, disable, enable or reset
// it (each audited). The actions shown are those the domain's accountActions allows now.
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/applications/action-form";
import { GetSearchForm } from "@/components/ui/get-search-form";
import { Card, PageTitle } from "@/components/ui/notice";
import { listHref, Pager } from "@/components/ui/pager";
import { TableHead } from "@/components/ui/table-head";
import { BUREAU_TIME_ZONE } from "@/lib/domain/calendar/time-zone";
import { listAccounts, ZAccountsFilter } from "@/lib/server/accounts/manage-accounts";
import { requireArea } from "@/lib/server/auth/current-actor";
import { manageAccountAction } from "../actions";
import { Data, dataTag } from "@/components/ui/data";
import { BackLink } from "@/components/ui/back-link";

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === "string" && v !== "" ? v : undefined);

export async function generateMetadata() {
  return { title: (await getTranslations("office.accounts"))("title") };
}

export default async function AccountsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireArea("admin", "/office/admin/accounts");
  const sp = await searchParams;
  const filter = ZAccountsFilter.parse({ q: one(sp.q), after: one(sp.after) });
  const [t, tr, tc, format, list] = await Promise.all([getTranslations("office.accounts"), getTranslations("roles"), getTranslations("case"), getFormatter(), listAccounts({ actor, filter })]);
  return (
    <div className="flex flex-col gap-4">
      <BackLink href="/office/admin">{t("back")}</BackLink>
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("lead")}</p>
      <Card>
        <GetSearchForm name="q" label={t("search")} defaultValue={filter.q} button={t("find")} />
      </Card>
      {list.rows.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm" data-testid="accounts">
            <TableHead columns={[t("loginId"), t("name"), t("role"), t("state"), t("lastLogin"), t("actions")]} />
            <tbody>
              {list.rows.map((u) => (
                <tr key={u.id} className="border-b border-slate-200 align-top" data-testid={`account-${u.loginId}`}>
                  <td className="py-2 pr-3 font-mono">{u.loginId}</td>
                  <td className="py-2 pr-3">
                    <Data>{u.name}</Data>
                    {u.enterprise && <span className="block text-xs text-slate-600">{t.rich("staffOf", { enterprise: u.enterprise.name, data: dataTag })}</span>}
                  </td>
                  <td className="py-2 pr-3">{tr(u.role)}</td>
                  <td className="py-2 pr-3">{!u.active ? t("states.disabled") : u.locked ? t("states.locked") : t("states.active")}</td>
                  <td className="py-2 pr-3">{u.lastLoginAt ? format.dateTime(u.lastLoginAt, { dateStyle: "short", timeStyle: "short", timeZone: BUREAU_TIME_ZONE }) : t("never")}</td>
                  <td className="py-2 pr-3">
                    <div className="flex flex-wrap gap-2">
                      {u.actions.map((a) => (
                        <ActionForm key={a} action={manageAccountAction} fields={{ userId: u.id, action: a }} label={t(`actionLabels.${a}`)} testId={`account-${a}-${u.loginId}`} variant="secondary" />
                      ))}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager href={(after) => listHref("/office/admin/accounts", { q: filter.q, after })} after={filter.after} next={list.next} labels={{ first: tc("pager.first"), next: tc("pager.next") }} />
    </div>
  );
}
