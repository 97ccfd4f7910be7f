// Applicant registration: a person or an enterprise (chosen by a tab link, so it works without JS).
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { RegisterForm } from "@/components/forms/register-form";
import { PageTitle } from "@/components/ui/notice";
import { registerAction } from "./actions";

export async function generateMetadata() {
  return { title: (await getTranslations("register"))("title") };
}

export default async function RegisterPage({ searchParams }: { searchParams: Promise<{ type?: string }> }) {
  const [t, { type: rawType }] = await Promise.all([getTranslations("register"), searchParams]);
  const type = rawType === "enterprise" ? "ENTERPRISE" : "PERSON";
  const tab = (value: "PERSON" | "ENTERPRISE", href: string, label: string) => (
    <Link
      href={href}
      aria-current={type === value ? "page" : undefined}
      className={`rounded-t border border-b-0 px-4 py-2 ${type === value ? "bg-white font-semibold" : "bg-slate-100 text-blue-800 underline"}`}
    >
      {label}
    </Link>
  );
  const keys = ["name", "enterpriseName", "residentId", "creditCode", "contactName", "phone", "password", "passwordHint", "submit", "done", "signIn"] as const;
  const labels = Object.fromEntries(keys.map((k) => [k, t.raw(k) as string])) as Record<(typeof keys)[number], string>;
  return (
    <div>
      <PageTitle>{t("title")}</PageTitle>
      <nav aria-label={t("type")} className="mb-0 flex gap-1">
        {tab("PERSON", "/register", t("person"))}
        {tab("ENTERPRISE", "/register?type=enterprise", t("enterprise"))}
      </nav>
      <div className="rounded-b rounded-tr border bg-white p-5">
        <RegisterForm key={type} type={type} action={registerAction} labels={labels} />
      </div>
      <p className="mt-6">
        {t("haveAccount")}{" "}
        <Link href="/login" className="text-blue-800 underline">
          {t("signIn")}
        </Link>
      </p>
    </div>
  );
}
