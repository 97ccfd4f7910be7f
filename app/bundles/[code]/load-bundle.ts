// A bundle for a page: 404 when unknown or inactive.
import { cache } from "react";
import { notFound } from "next/navigation";
import { isAppError } from "@/lib/errors";
import { loadBundle } from "@/lib/server/bundles/bundle-definition";

export const loadBundleOr404 = cache(async (code: string) => {
  try {
    return await loadBundle(code);
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  }
});
