// Applicant's home: account and (soon) applications.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui/notice";
import { requireArea } from "@/lib/server/auth/current-actor";
import { getApplicantProfile } from "@/lib/server/accounts/get-applicant-profile";

export default async function MyPage() {
  const actor = await requireArea("my", "/my");
  const [t, profile] = await Promise.all([getTranslations("my"), getApplicantProfile({ actor })]);
  return (
    <div className="flex flex-col gap-4" data-testid="home-APPLICANT">
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("welcome", { name: profile.name })}</p>
      <Card title={t("account")}>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt>{t("type")}</dt>
          <dd>{profile.applicantType ? t(profile.applicantType) : "—"}</dd>
          <dt>ID</dt>
          <dd>{profile.maskedId}</dd>
        </dl>
      </Card>
      <Card>
        <p>{t("none")}</p>
        <Link href="/" className="text-blue-800 underline">
          ← {t("title")}
        </Link>
      </Card>
    </div>
  );
}
