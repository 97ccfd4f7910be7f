// 办件状态查询令牌: an applicant's own tokens for the open API (read their applications' status):
// create (shown once), list (prefix only), revoke.
import { getTranslations } from "next-intl/server";
import { ApiKeyTable } from "@/components/api/api-key-table";
import { CreateKeyForm } from "@/components/api/create-key-form";
import { BackLink } from "@/components/ui/back-link";
import Link from "@/components/ui/link";
import { Card, PageTitle } from "@/components/ui/notice";
import { listMyApiTokens } from "@/lib/server/api/list-api-keys";
import { requireArea } from "@/lib/server/auth/current-actor";
import { createApiTokenAction, revokeApiTokenAction } from "./actions";

export async function generateMetadata() {
  return { title: (await getTranslations("api.my"))("title") };
}

export default async function MyApiKeysPage() {
  const actor = await requireArea("my", "/my/api-keys");
  const [t, tk, tokens] = await Promise.all([getTranslations("api.my"), getTranslations("api.keys"), listMyApiTokens({ actor })]);
  return (
    <div className="flex flex-col gap-4" data-testid="my-api-keys-page">
      <BackLink href="/my">{t("back")}</BackLink>
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("lead")}</p>
      <p>
        <Link href="/developers" className="text-blue-800 underline">
          {t("docs")}
        </Link>
      </p>
      <Card title={t("create")}>
        <CreateKeyForm action={createApiTokenAction} testId="create-api-token" labels={{ name: t("name"), nameHint: t("nameHint"), submit: t("submit"), shownOnce: tk("shownOnce"), keyLabel: tk("keyLabel") }} />
      </Card>
      <Card title={t("list")}>{tokens.length === 0 ? <p>{t("empty")}</p> : <ApiKeyTable keys={tokens} revoke={revokeApiTokenAction} caption={t("tableCaption")} showOwner={false} testId="my-api-tokens" />}</Card>
    </div>
  );
}
