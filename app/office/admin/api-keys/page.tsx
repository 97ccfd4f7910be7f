// 开放接口密钥: the administrator issues a department's API key with scopes (shown once), lists the
// keys (prefix only) and revokes them; the count of applicants' own status tokens.
import { getTranslations } from "next-intl/server";
import { ApiKeyTable } from "@/components/api/api-key-table";
import { CreateKeyForm } from "@/components/api/create-key-form";
import { BackLink } from "@/components/ui/back-link";
import Link from "@/components/ui/link";
import { Card, PageTitle } from "@/components/ui/notice";
import { KEY_RATE_RANGE, PER_KEY } from "@/lib/domain/api/rate-limit";
import { API_SCOPES } from "@/lib/domain/api/scopes";
import { listDepartmentApiKeys } from "@/lib/server/api/list-api-keys";
import { requireArea } from "@/lib/server/auth/current-actor";
import { catalogueFacets } from "@/lib/server/catalogue/search-catalogue";
import { createDepartmentApiKeyAction, revokeDepartmentApiKeyAction } from "./actions";

export async function generateMetadata() {
  return { title: (await getTranslations("api.admin"))("title") };
}

const SCOPE_LABEL = { "applications:read": "applicationsRead", "decisions:read": "decisionsRead", "events:read": "eventsRead" } as const;

export default async function ApiKeysPage() {
  const actor = await requireArea("admin", "/office/admin/api-keys");
  const [t, tk, ts, listed, facets] = await Promise.all([getTranslations("api.admin"), getTranslations("api.keys"), getTranslations("api.scopes"), listDepartmentApiKeys({ actor }), catalogueFacets()]);
  return (
    <div className="flex flex-col gap-4" data-testid="api-keys-page">
      <BackLink href="/office/admin">{t("back")}</BackLink>
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("lead")}</p>
      <p>
        <Link href="/developers" className="text-blue-800 underline">
          {t("docs")}
        </Link>
      </p>
      <Card title={t("create")}>
        <CreateKeyForm
          action={createDepartmentApiKeyAction}
          testId="create-api-key"
          labels={{ name: t("name"), nameHint: t("nameHint"), submit: t("submit"), shownOnce: tk("shownOnce"), keyLabel: tk("keyLabel"), department: t("department"), chooseDepartment: t("chooseDepartment"), scopes: t("scopes"), rate: t("rate"), rateHint: t("rateHint", { n: PER_KEY.max, min: KEY_RATE_RANGE.min, max: KEY_RATE_RANGE.max }) }}
          departments={facets.departments.map((d) => ({ value: d.id, label: d.name }))}
          scopes={API_SCOPES.map((s) => ({ value: s, label: ts(SCOPE_LABEL[s]) }))}
        />
      </Card>
      <Card title={t("list")}>
        <p className="mb-2 text-sm">{t("applicantTokens", { n: listed.applicantTokens })}</p>
        {listed.keys.length === 0 ? <p>{t("empty")}</p> : <ApiKeyTable keys={listed.keys} revoke={revokeDepartmentApiKeyAction} caption={t("tableCaption")} showOwner testId="api-keys" />}
      </Card>
    </div>
  );
}
