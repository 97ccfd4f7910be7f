// The desk a clerk works at: a township centre's id, or null for the bureau's hall.
import "server-only";
import { db, type Tx } from "@/lib/server/db";

export async function clerkCentreOf(userId: string, tx: Tx | ReturnType<typeof db> = db()): Promise<string | null> {
  return (await tx.user.findUnique({ where: { id: userId }, select: { centreId: true } }))?.centreId ?? null;
}

/** Whether the centre may accept the item. */
export async function delegatedToCentre(centreId: string, itemId: string, tx: Tx | ReturnType<typeof db> = db()): Promise<boolean> {
  return (await tx.centreItem.count({ where: { centreId, itemId } })) > 0;
}
