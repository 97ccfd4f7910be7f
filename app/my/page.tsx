// Applicant's home: their applications with state and due date, the inbox, and the account.
import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { StateBadge } from "@/components/applications/application-summary";
import { DueDate } from "@/components/ui/due-date";
import { TableHead } from "@/components/ui/table-head";
import { Card, PageTitle } from "@/components/ui/notice";
import { BUREAU_TIME_ZONE } from "@/lib/domain/calendar/time-zone";
import { getApplicantProfile } from "@/lib/server/accounts/get-applicant-profile";
import { countUnreadMessages } from "@/lib/server/applications/messages";
import { listMyApplications } from "@/lib/server/applications/list-my-applications";
import { listMyBundleFilings } from "@/lib/server/bundles/get-bundle-filing";
import { listHref, Pager } from "@/components/ui/pager";
import { requireArea } from "@/lib/server/auth/current-actor";
import { dataLang, dataTag } from "@/components/ui/data";

export default async function MyPage({ searchParams }: { searchParams: Promise<{ after?: string | string[] }> }) {
  const actor = await requireArea("my", "/my");
  const { after: raw } = await searchParams;
  const after = typeof raw === "string" ? raw : undefined;
  const [t, ta, tc, format, profile, mine, unread] = await Promise.all([
    getTranslations("my"),
    getTranslations("application"),
    getTranslations("case"),
    getFormatter(),
    getApplicantProfile({ actor }),
    listMyApplications({ actor, after }),
    countUnreadMessages({ actor }),
  ]);
  const [tb, tapi, bundles] = await Promise.all([getTranslations("bundles"), getTranslations("api.my"), listMyBundleFilings({ actor })]);
  const apps = mine.rows;
  return (
    <div className="flex flex-col gap-4" data-testid="home-APPLICANT">
      <PageTitle>{t("title")}</PageTitle>
      <p>{t.rich("welcome", { name: profile.name, data: dataTag })}</p>
      <p className="flex flex-wrap gap-4">
        <Link href="/items" className="text-blue-800 underline">
          {t("findItem")}
        </Link>
        <Link href="/bundles" className="text-blue-800 underline">
          {tb("findBundle")}
        </Link>
        <Link href="/my/agents" className="text-blue-800 underline" data-testid="agents-link">
          {t("agentsLink")}
        </Link>
        <Link href="/my/api-keys" className="text-blue-800 underline" data-testid="api-keys-link">
          {tapi("link")}
        </Link>
        <Link href="/my/messages" className="text-blue-800 underline" data-testid="inbox-link">
          {t("messages", { unread })}
        </Link>
      </p>
      <Card title={t("applications")}>
        {mine.total > 0 && <p className="mb-2 text-sm">{t("total", { n: mine.total })}</p>}
        {apps.length === 0 ? (
          <p>{t("none")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-left text-sm" data-testid="my-applications">
              <TableHead columns={[ta("number"), ta("item"), ta("state"), ta("promisedDue"), ta("createdAt")]} />
              <tbody>
                {apps.map((a) => (
                  <tr key={a.id} className="border-b border-slate-200">
                    <td className="py-2 pr-3 font-mono">
                      <Link href={`/my/applications/${a.id}`} className="text-blue-800 underline">
                        {a.number ?? ta("noNumber")}
                      </Link>
                    </td>
                    <td className="py-2 pr-3">
                      <span {...dataLang(a.itemName)}>{a.itemName}</span>
                      {a.onBehalfOf && <span className="block text-xs text-slate-700">{t.rich("onBehalfOf", { enterprise: a.onBehalfOf, data: dataTag })}</span>}
                    </td>
                    <td className="py-2 pr-3">
                      <StateBadge state={a.state} label={ta(`states.${a.state}`)} />
                      {a.paymentDue && (
                        <span className="mt-1 block text-sm font-medium text-amber-900" data-testid={`payment-due-${a.number}`}>
                          {t("paymentDue")}
                        </span>
                      )}
                      {a.paymentExpired && (
                        <span className="mt-1 block text-sm font-medium text-red-800" data-testid={`payment-expired-${a.number}`}>
                          {t("paymentExpired")}
                        </span>
                      )}
                    </td>
                    <td className="py-2 pr-3">
                      <DueDate date={a.promisedDue} provisional={a.provisional.promisedDue} />
                    </td>
                    <td className="py-2 pr-3">{format.dateTime(a.createdAt, { dateStyle: "medium", timeZone: BUREAU_TIME_ZONE })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pager href={(a) => listHref("/my", { after: a })} after={after} next={mine.next} labels={{ first: tc("pager.first"), next: tc("pager.next") }} testId="my-pager" />
      </Card>
      {bundles.length > 0 && (
        <Card title={tb("myTitle")}>
          <ul className="flex flex-col gap-1 text-sm" data-testid="my-bundles">
            {bundles.map((b) => (
              <li key={b.id}>
                <Link href={`/my/bundles/${b.id}`} className="text-blue-800 underline">
                  <span {...dataLang(b.bundle)}>{b.bundle}</span>
                </Link>{" "}
                <span className="font-mono">{b.number ?? ta("noNumber")}</span> · {tb("progress", { ended: b.progress.ended, items: b.progress.items })}
              </li>
            ))}
          </ul>
        </Card>
      )}
      <Card title={t("account")}>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt>{t("type")}</dt>
          <dd>{profile.applicantType ? t(profile.applicantType) : profile.enterprise ? t("ENTERPRISE") : "—"}</dd>
          <dt>ID</dt>
          <dd>{profile.maskedId}</dd>
          {profile.enterprise && (
            <>
              <dt>{t("actsFor")}</dt>
              <dd data-testid="acts-for">{t.rich("actsForValue", { enterprise: profile.enterprise.name, loginId: profile.loginId, data: dataTag })}</dd>
            </>
          )}
        </dl>
        {profile.isEnterpriseMain && (
          <p className="mt-2">
            <Link href="/my/staff" className="text-blue-800 underline" data-testid="staff-link">
              {t("staffLink")}
            </Link>
          </p>
        )}
      </Card>
    </div>
  );
}
