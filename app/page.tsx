// Public landing page: what the bureau does and where to start.
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/notice";
import { getCatalogueStats } from "@/lib/server/catalogue/get-catalogue-stats";
import { currentActor } from "@/lib/server/auth/current-actor";

const PRIMARY_LINK = "rounded bg-brand px-4 py-2 text-white no-underline hover:bg-brand-dark";

export default async function HomePage() {
  const [t, stats, actor] = await Promise.all([getTranslations("home"), getCatalogueStats(), currentActor()]);
  return (
    <div className="flex flex-col gap-6">
      <section>
        <h1 className="mb-3 text-3xl font-bold">{t("heading")}</h1>
        <p className="max-w-3xl text-lg">{t("lead")}</p>
        <p className="mt-3" data-testid="catalogue-stats">
          {t("stats", stats)}
        </p>
        <p className="text-slate-700">{t("kinds", stats)}</p>
      </section>
      <div className="grid gap-4 md:grid-cols-2">
        <Card title={t("startTitle")}>
          <p className="mb-3">{t("startApply")}</p>
          <p className="mb-4">{t("startStaff")}</p>
          <div className="flex flex-wrap gap-3">
            {actor ? (
              // Signed in already: on to their own page, not to registration.
              <Link href="/home" className={PRIMARY_LINK} data-testid="continue-cta">
                {t("continueCta", { name: actor.name })}
              </Link>
            ) : (
              <>
                <Link href="/register" className={PRIMARY_LINK}>
                  {t("registerCta")}
                </Link>
                <Link href="/login" className="rounded border border-brand px-4 py-2 text-brand no-underline">
                  {t("signInCta")}
                </Link>
              </>
            )}
          </div>
        </Card>
        <Card title={t("howTitle")}>
          <ol className="list-decimal space-y-2 pl-5">
            <li>{t("how1")}</li>
            <li>{t("how2")}</li>
            <li>{t("how3")}</li>
            <li>{t("how4")}</li>
          </ol>
        </Card>
      </div>
    </div>
  );
}
