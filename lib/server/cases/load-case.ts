// Loads a case for back-office work and checks the actor may work on it: the item's section
// (reviewers, chiefs), the window for instant items, the director and supervisors for all.
import "server-only";
import { mayWorkOnCase } from "@/lib/domain/applications/access";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/domain/access/actor";
import type { DbOrTx } from "@/lib/server/db";
import { hiddenFrom } from "@/lib/server/auth/actor";

export async function loadCase(tx: DbOrTx, actor: Actor, applicationId: string, opts: { lock?: boolean } = {}) {
  if (opts.lock) await tx.$queryRaw`SELECT id FROM "Application" WHERE id = ${applicationId} FOR UPDATE`;
  const app = await tx.application.findUnique({
    where: { id: applicationId },
    include: {
      item: { select: { id: true, sectionId: true, implementationCode: true } },
      itemVersion: { select: { name: true, kind: true, promisedDays: true, statutoryDays: true, feeLines: true } },
      clockEntries: { orderBy: [{ startedOn: "asc" }, { createdAt: "asc" }] },
    },
  });
  if (!app) throw new AppError("NOT_FOUND");
  if (!mayWorkOnCase(actor, app)) throw await hiddenFrom(actor, { entityType: "Application", entityId: app.id }, "loadCase");
  return app;
}

export type LoadedCase = Awaited<ReturnType<typeof loadCase>>;
