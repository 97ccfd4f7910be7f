"use server";
// Per-browser preferences (language, large text) and sign-out: cookies only, no account needed.
import { cookies } from "next/headers";
import { getLocale } from "next-intl/server";
import { CARE_COOKIE, LOCALE_COOKIE } from "@/lib/i18n/config";
import { signOut } from "@/lib/server/auth/auth";
import { endSession } from "@/lib/server/auth/actor";
import { currentActor, currentSessionId } from "@/lib/server/auth/current-actor";

const ONE_YEAR = 60 * 60 * 24 * 365;

export async function switchLocaleAction() {
  const next = (await getLocale()) === "en" ? "zh-CN" : "en";
  (await cookies()).set(LOCALE_COOKIE, next, { path: "/", maxAge: ONE_YEAR, sameSite: "lax" });
}

export async function toggleCareAction() {
  const store = await cookies();
  const on = store.get(CARE_COOKIE)?.value === "1";
  store.set(CARE_COOKIE, on ? "0" : "1", { path: "/", maxAge: ONE_YEAR, sameSite: "lax" });
}

export async function signOutAction() {
  const [actor, sessionId] = await Promise.all([currentActor(), currentSessionId()]);
  if (actor && sessionId) await endSession(actor, sessionId);
  await signOut({ redirectTo: "/" });
}
