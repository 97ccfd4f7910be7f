// One item's guide (办事指南): a published version with its materials, and the item's history.
import "server-only";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/server/db";

/** `version` omitted: the current one. Published versions are public, old ones included. */
export async function getItemGuide(implementationCode: string, version?: number) {
  const item = await db().item.findUnique({
    where: { implementationCode },
    include: {
      department: { select: { name: true } },
      section: { select: { name: true } },
      currentVersion: { select: { version: true } },
      versions: { orderBy: { version: "desc" }, select: { version: true, name: true, publishedAt: true, changeNote: true } },
    },
  });
  if (!item?.currentVersion) throw new AppError("NOT_FOUND");
  const wanted = version ?? item.currentVersion.version;
  const v = await db().itemVersion.findUnique({
    where: { itemId_version: { itemId: item.id, version: wanted } },
    include: { materials: { orderBy: { position: "asc" } } },
  });
  if (!v) throw new AppError("NOT_FOUND");
  return {
    id: item.id,
    implementationCode: item.implementationCode,
    basicCode: item.basicCode,
    taskType: item.taskType,
    department: item.department.name,
    section: item.section?.name ?? null,
    /** Prefix of its certificates' numbers (the administrator sets it). */
    certificatePrefix: item.certificatePrefix,
    currentVersion: item.currentVersion.version,
    isCurrent: wanted === item.currentVersion.version,
    versions: item.versions,
    guide: v,
  };
}

export type ItemGuide = Awaited<ReturnType<typeof getItemGuide>>;
