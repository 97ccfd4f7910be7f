// Loads a guide for the item pages and routes: an unknown item or version is a 404, not a 500.
import { notFound } from "next/navigation";
import { isAppError } from "@/lib/errors";
import { getItemGuide } from "@/lib/server/catalogue/get-item-guide";

export async function loadGuide(code: string, version?: number) {
  try {
    return await getItemGuide(decodeURIComponent(code), version);
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  }
}

/** `?v=3` → 3; anything else → the current version. */
export function versionParam(v: string | null | undefined): number | undefined {
  return v && /^\d{1,4}$/.test(v) ? Number(v) : undefined;
}
