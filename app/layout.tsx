// Root layout: language and large-text mode from cookies, the page frame, navigation by role.
import Link from "@/components/ui/link";
import "./globals.css";
import type { Metadata } from "next";
import { cookies } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { SiteHeader, type NavEntry } from "@/components/frame/site-header";
import { can } from "@/lib/domain/access/permissions";
import { AREAS, areasOf } from "@/lib/domain/access/roles";
import { CARE_COOKIE } from "@/lib/i18n/config";
import { currentActor } from "@/lib/server/auth/current-actor";
import { signOutAction, switchLocaleAction, toggleCareAction } from "./preferences-actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  return { title: { default: t("title"), template: `%s · ${t("bureau")}` } };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [locale, store, actor, t] = await Promise.all([getLocale(), cookies(), currentActor(), getTranslations("frame")]);
  const careMode = store.get(CARE_COOKIE)?.value === "1";
  const nav: NavEntry[] = [
    { area: "catalogue", href: "/items" },
    { area: "oneThing", href: "/bundles", label: "bundles.nav" },
    { area: "progress", href: "/progress" },
    { area: "statistics", href: "/statistics", label: "statistics.nav" },
    { area: "complain", href: "/complaints", label: "complaints.nav" },
    ...(actor ? areasOf(actor.role).map((area) => ({ area, href: AREAS[area].href })) : []),
    ...(actor && can(actor.role, "statistics:view") ? [{ area: "dashboard" as const, href: "/office/supervision/dashboard", label: "dashboard.nav" }] : []),
  ];
  return (
    <html lang={locale} className={careMode ? "care" : undefined}>
      <body className="flex min-h-screen flex-col bg-slate-50 font-sans text-slate-900">
        {/* No NextIntlClientProvider: no client component translates by itself (they get their
            labels as props), so neither the messages nor next-intl's client code go to the browser. */}
        <SiteHeader
          user={actor ? { name: actor.name, role: actor.role } : null}
          nav={nav}
          careMode={careMode}
          actions={{ switchLocale: switchLocaleAction, toggleCare: toggleCareAction, signOut: signOutAction }}
        />
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
          {children}
        </main>
        <footer className="border-t border-slate-200 bg-white">
          <p className="mx-auto flex max-w-6xl flex-wrap gap-4 px-4 py-4 text-sm text-slate-700">
            <span>{t("footer")}</span>
            <Link href="/verify" className="underline">
              {t("verifyLink")}
            </Link>
            <Link href="/seals" className="underline">
              {t("sealsLink")}
            </Link>
          </p>
        </footer>
      </body>
    </html>
  );
}
