"use server";
// Applicant self-registration: validate, create the account, then go to sign-in.
import { runAction } from "@/lib/server/action";
import { registerApplicant } from "@/lib/server/accounts/register-applicant";
import { ZRegisterApplicantInput } from "@/lib/server/accounts/schemas";

export async function registerAction(_prev: unknown, formData: FormData) {
  return runAction(formData, ZRegisterApplicantInput, (input) => registerApplicant(input));
}
