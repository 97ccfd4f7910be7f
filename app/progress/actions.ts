"use server";
// Public progress lookup: number + last four characters of the applicant's ID or credit code.
import { headers } from "next/headers";
import { runAction } from "@/lib/server/action";
import { lookupProgress } from "@/lib/server/applications/queries";
import { ZProgressLookupInput } from "@/lib/server/applications/schemas";

export async function lookupProgressAction(_prev: unknown, formData: FormData) {
  const h = await headers();
  const client = h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || "local";
  return runAction(formData, ZProgressLookupInput, async (input) => {
    const found = await lookupProgress(input, client);
    // Same answer for an unknown number and a wrong ID tail: the lookup reveals nothing.
    // The query is echoed so the form keeps what was typed (React resets a form after its action).
    const query = { number: input.number, idTail: input.idTail };
    return found
      ? { found: true as const, query, ...found, submittedAt: found.submittedAt?.toISOString() ?? null, acceptedAt: found.acceptedAt?.toISOString() ?? null }
      : { found: false as const, query };
  });
}
