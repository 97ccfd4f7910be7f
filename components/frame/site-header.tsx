// The page frame's header: bureau name, navigation for the role, language, large text, account.
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import type { Area } from "@/lib/domain/access/roles";
import { dataTag } from "@/components/ui/data";

/** Navigation entries: the public pages for everyone, then the areas of the role and what its permissions open. */
export type NavEntry = { area: Area | "catalogue" | "oneThing" | "progress" | "statistics" | "complain" | "dashboard"; href: string; /** Message key of its label (default areas.<area>). */ label?: string };

export type HeaderProps = {
  user: { name: string; role: string } | null;
  nav: NavEntry[];
  careMode: boolean;
  actions: { switchLocale: () => Promise<void>; toggleCare: () => Promise<void>; signOut: () => Promise<void> };
};

const buttonClass =
  "rounded border border-white/70 px-3 py-1 text-sm text-white hover:bg-white/10 focus-visible:bg-white/10";

export async function SiteHeader({ user, nav, careMode, actions }: HeaderProps) {
  const t = await getTranslations();
  return (
    <header className="bg-brand text-white">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2 focus:text-black">
        {t("frame.skip")}
      </a>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="no-underline">
          <span className="block text-xl font-bold">{t("meta.bureau")}</span>
          <span className="block text-sm text-white/90">{t("frame.tagline")}</span>
        </Link>
        <div className="flex flex-wrap items-center gap-2">
          <form action={actions.switchLocale}>
            <button type="submit" className={buttonClass} lang={t("frame.switchTo") === "English" ? "en" : "zh-CN"}>
              {t("frame.switchTo")}
            </button>
          </form>
          <form action={actions.toggleCare}>
            <button type="submit" className={buttonClass} aria-pressed={careMode} title={t("frame.careLabel")}>
              {t("frame.careOn")}
            </button>
          </form>
          {user ? (
            <>
              <span className="text-sm" data-testid="signed-in-as">
                {t.rich("frame.signedInAs", { name: user.name, role: t(`roles.${user.role}`), data: dataTag })}
              </span>
              <Link href="/notifications" className={buttonClass} data-testid="notifications-link">
                {t("frame.notifications")}
              </Link>
              <form action={actions.signOut}>
                <button type="submit" className={buttonClass}>
                  {t("frame.signOut")}
                </button>
              </form>
            </>
          ) : (
            <>
              <Link href="/login" className={buttonClass}>
                {t("frame.signIn")}
              </Link>
              <Link href="/register" className={buttonClass}>
                {t("frame.register")}
              </Link>
            </>
          )}
        </div>
      </div>
      {(
        <nav aria-label={t("frame.mainNav")} className="bg-brand-dark">
          <ul className="mx-auto flex max-w-6xl flex-wrap gap-1 px-4">
            {nav.map((n) => (
              <li key={n.area}>
                <Link href={n.href} className="inline-block px-3 py-2 text-white hover:bg-white/10">
                  {t(n.label ?? `areas.${n.area}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </header>
  );
}
