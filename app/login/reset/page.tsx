// Forgotten password (?claim=1: claiming an account made at the window or by an enterprise).
import { getTranslations } from "next-intl/server";
import { ResetPasswordForm, type ResetPasswordLabels } from "@/components/forms/reset-password-form";
import { PageTitle } from "@/components/ui/notice";
import { requestCodeAction, resetWithCodeAction } from "../actions";

export async function generateMetadata({ searchParams }: { searchParams: Promise<{ claim?: string | string[] }> }) {
  const claim = (await searchParams).claim === "1";
  return { title: (await getTranslations("reset"))(claim ? "claimTitle" : "title") };
}

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ claim?: string | string[] }> }) {
  const claim = (await searchParams).claim === "1";
  const t = await getTranslations("reset");
  const keys = ["loginId", "loginIdHint", "send", "sent", "code", "codeHint", "password", "passwordHint", "submit", "done", "signIn", "resend"] as const;
  const labels = Object.fromEntries(keys.map((k) => [k, t(k)])) as ResetPasswordLabels;
  return (
    <div className="flex flex-col gap-4">
      <PageTitle>{t(claim ? "claimTitle" : "title")}</PageTitle>
      <p>{t(claim ? "claimLead" : "lead")}</p>
      <ResetPasswordForm purpose={claim ? "CLAIM" : "RESET"} request={requestCodeAction} reset={resetWithCodeAction} labels={labels} />
    </div>
  );
}
