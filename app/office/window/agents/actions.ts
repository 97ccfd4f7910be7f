"use server";
// 帮办代办 at the window: the clerk confirms an agent's authority from the paper power of attorney.
import { runAction } from "@/lib/server/action";
import { confirmAuthorityAtWindow } from "@/lib/server/agents/authorities";
import { ZWindowAuthorityInput } from "@/lib/server/agents/schemas";

export async function confirmAuthorityAtWindowAction(_prev: unknown, formData: FormData) {
  const file = formData instanceof FormData ? formData.get("file") : null;
  const scan = file instanceof File && file.size > 0 ? { name: file.name, size: file.size, stream: file.stream() } : null;
  return runAction(formData, ZWindowAuthorityInput, (input, actor) => confirmAuthorityAtWindow({ actor, input, file: scan }), {
    permission: "intake:work",
    name: "confirmAuthorityAtWindow",
    // The scan goes to the service as a file; the schema reads the text fields.
    toInput: (fd) => Object.fromEntries([...fd.entries()].filter(([, v]) => typeof v === "string")),
  });
}
