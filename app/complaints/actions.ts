"use server";
// Public complaint actions: filing (with files), finding one by number and phone tail, and the
// complainant's satisfaction on the complaint's own page (its link's key is the authority).
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { runAction } from "@/lib/server/action";
import { clientAddress } from "@/lib/server/client-address";
import { complaintPagePath } from "@/lib/server/complaints/complaint-key";
import { fileComplaint, ZComplaintInput } from "@/lib/server/complaints/file-complaint";
import { findComplaint, giveSatisfaction, ZFindComplaintInput, ZSatisfactionInput } from "@/lib/server/complaints/track-complaint";

const stringsOf = (fd: FormData) => Object.fromEntries([...fd.entries()].filter(([, v]) => typeof v === "string"));
const filesOf = (fd: FormData) => fd.getAll("attachments").filter((f): f is File => f instanceof File && (f.size > 0 || f.name !== ""));

export async function fileComplaintAction(_prev: unknown, formData: FormData) {
  return runAction(
    formData,
    ZComplaintInput,
    async (input, actor) => {
      const files = filesOf(formData).map((f) => ({ name: f.name, size: f.size, stream: f.stream() }));
      const filed = await fileComplaint({ actor, input, files });
      return { number: filed.number, path: complaintPagePath(filed.number) };
    },
    { toInput: stringsOf },
  );
}

export async function findComplaintAction(_prev: unknown, formData: FormData) {
  const client = await clientAddress();
  const result = await runAction(formData, ZFindComplaintInput, async (input) => ({ path: await findComplaint(input, client) }));
  if (result?.ok && result.data.path) redirect(result.data.path);
  // An unknown number and a wrong tail answer alike; what was typed stays.
  if (result?.ok) return { ok: false as const, message: (await getTranslations("complaints"))("find.notFound"), fieldErrors: {}, values: stringsOf(formData) as Record<string, string> };
  return result;
}

export async function giveSatisfactionAction(_prev: unknown, formData: FormData) {
  const result = await runAction(formData, ZSatisfactionInput, (input) => giveSatisfaction({ input }));
  if (result?.ok) revalidatePath("/complaints/[number]", "page");
  return result;
}
