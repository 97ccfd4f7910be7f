// Loads a guide for the item pages and routes: an unknown item or version is a 404, not a 500.
import { getItemGuide } from "@/lib/server/catalogue/get-item-guide";
import { orAccessPage } from "@/lib/server/http-errors";

export async function loadGuide(code: string, version?: number) {
  return orAccessPage(getItemGuide(decodeURIComponent(code), version));
}

/** `?v=3` → 3; anything else → the current version. */
export function versionParam(v: string | null | undefined): number | undefined {
  return v && /^\d{1,4}$/.test(v) ? Number(v) : undefined;
}
