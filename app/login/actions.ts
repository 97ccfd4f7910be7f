"use server";
// Sign-in: Auth.js credentials; our error codes come back on CredentialsSignin.code.
import { AuthError, CredentialsSignin } from "next-auth";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { localPath } from "@/lib/domain/access/local-path";
import { signIn } from "@/lib/server/auth/auth";
import { runAction } from "@/lib/server/action";
import { requestAccountCode, resetPasswordWithCode } from "@/lib/server/accounts/account-codes";
import { ZRequestCodeInput, ZResetWithCodeInput } from "@/lib/server/accounts/schemas";

export type LoginState = { message: string; loginId: string } | null;

const ZLogin = z.object({
  loginId: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
  callbackUrl: z.string().optional(),
});


export async function loginAction(_prev: LoginState, formData: FormData): Promise<LoginState> {
  const t = await getTranslations("errors");
  const parsed = ZLogin.safeParse(Object.fromEntries(formData.entries()));
  const loginId = String(formData.get("loginId") ?? "");
  if (!parsed.success) return { message: t("BAD_CREDENTIALS"), loginId };
  try {
    await signIn("credentials", {
      loginId: parsed.data.loginId,
      password: parsed.data.password,
      redirectTo: localPath(parsed.data.callbackUrl, "/home"),
    });
    return null;
  } catch (e) {
    if (e instanceof CredentialsSignin) {
      const [code, minutes] = (e.code ?? "").split(":");
      if (code === "ACCOUNT_LOCKED") return { message: t("ACCOUNT_LOCKED", { minutes: minutes ?? "15" }), loginId };
      return { message: t("BAD_CREDENTIALS"), loginId };
    }
    if (e instanceof AuthError) {
      console.error("[login]", e);
      return { message: t("UNEXPECTED"), loginId };
    }
    throw e; // the redirect after a successful sign-in
  }
}

/** Forgotten password (or claiming an account made for you): a code to the phone on record. */
export async function requestCodeAction(_prev: unknown, formData: FormData) {
  return runAction(formData, ZRequestCodeInput, async (input) => {
    await requestAccountCode({ input });
    return { loginId: input.loginId, purpose: input.purpose };
  });
}

export async function resetWithCodeAction(_prev: unknown, formData: FormData) {
  return runAction(formData, ZResetWithCodeInput, (input) => resetPasswordWithCode({ input }));
}
