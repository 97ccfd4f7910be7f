// Sign-in page for applicants and staff.
import Link from "@/components/ui/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LoginForm } from "@/components/forms/login-form";
import { PageTitle } from "@/components/ui/notice";
import { homePathOf } from "@/lib/domain/access/roles";
import { currentActor } from "@/lib/server/auth/current-actor";
import { loginAction } from "./actions";

export async function generateMetadata() {
  return { title: (await getTranslations("login"))("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const actor = await currentActor();
  if (actor) redirect(homePathOf(actor.role));
  const [t, { callbackUrl }] = await Promise.all([getTranslations("login"), searchParams]);
  return (
    <div>
      <PageTitle>{t("title")}</PageTitle>
      <LoginForm
        action={loginAction}
        callbackUrl={callbackUrl}
        labels={{ loginId: t("loginId"), loginIdHint: t("loginIdHint"), password: t("password"), submit: t("submit") }}
      />
      <p className="mt-4">
        <Link href="/login/reset" className="text-blue-800 underline">
          {t("forgot")}
        </Link>
      </p>
      <p className="mt-6">
        {t("noAccount")}{" "}
        <Link href="/register" className="text-blue-800 underline">
          {t("register")}
        </Link>
      </p>
      <p className="mt-2">
        {t("claimLead")}{" "}
        <Link href="/login/reset?claim=1" className="text-blue-800 underline">
          {t("claim")}
        </Link>
      </p>
    </div>
  );
}
