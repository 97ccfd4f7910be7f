"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/server/action";
import { createDepartmentApiKey } from "@/lib/server/api/create-api-key";
import { revokeApiKey } from "@/lib/server/api/revoke-api-key";
import { departmentKeyFormToInput, ZCreateDepartmentKeyInput, ZRevokeApiKeyInput } from "@/lib/server/api/schemas";

const refresh = <R extends { ok: boolean } | null>(result: R): R => {
  if (result?.ok) revalidatePath("/office/admin/api-keys");
  return result;
};

/** The key is in the answer once (shown by the form), never again. */
export async function createDepartmentApiKeyAction(_prev: unknown, formData: FormData) {
  return refresh(await runAction(formData, ZCreateDepartmentKeyInput, (input, actor) => createDepartmentApiKey({ actor, input }), { permission: "api-keys:administer", name: "createDepartmentApiKey", toInput: departmentKeyFormToInput }));
}

export async function revokeDepartmentApiKeyAction(_prev: unknown, formData: FormData) {
  return refresh(await runAction(formData, ZRevokeApiKeyInput, (input, actor) => revokeApiKey({ actor, input }), { permission: "api-keys:administer", name: "revokeApiKey" }));
}
