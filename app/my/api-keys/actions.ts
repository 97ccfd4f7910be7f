"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/server/action";
import { createApplicantApiToken } from "@/lib/server/api/create-api-key";
import { revokeApiKey } from "@/lib/server/api/revoke-api-key";
import { ZCreateApplicantTokenInput, ZRevokeApiKeyInput } from "@/lib/server/api/schemas";

const refresh = <R extends { ok: boolean } | null>(result: R): R => {
  if (result?.ok) revalidatePath("/my/api-keys");
  return result;
};

/** The token is in the answer once (shown by the form), never again. */
export async function createApiTokenAction(_prev: unknown, formData: FormData) {
  return refresh(await runAction(formData, ZCreateApplicantTokenInput, (input, actor) => createApplicantApiToken({ actor, input }), { permission: "api-keys:self", name: "createApplicantApiToken" }));
}

export async function revokeApiTokenAction(_prev: unknown, formData: FormData) {
  return refresh(await runAction(formData, ZRevokeApiKeyInput, (input, actor) => revokeApiKey({ actor, input }), { permission: "api-keys:self", name: "revokeApiKey" }));
}
