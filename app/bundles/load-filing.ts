// A bundle filing for a page: 404 for anyone who may not see it (nothing says it exists).
import type { Actor } from "@/lib/domain/access/actor";
import { getBundleFiling } from "@/lib/server/bundles/get-bundle-filing";
import { orAccessPage } from "@/lib/server/http-errors";

export async function loadBundleFilingOr404(actor: Actor, bundleFilingId: string) {
  return orAccessPage(getBundleFiling({ actor, bundleFilingId }));
}
