// 用印记录 for the director and supervisors: every stamp, newest first, filtered by seal, date
// range, actor and item, keyset-paged (no OFFSET), and the same rows as CSV for export.
import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/domain/access/actor";
import { BUREAU_TIME_ZONE } from "@/lib/domain/calendar/time-zone";
import { addCalendarDays, isPlainDate } from "@/lib/domain/calendar/working-days";
import { bureauDayStart } from "@/lib/domain/statistics/period";
import { requirePermission } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db";
import { olderThan } from "@/lib/server/keyset-where";
import { encodeCursor } from "@/lib/domain/paging/keyset";
import type { Prisma } from "@/prisma/generated/client";
import { csvCell } from "@/lib/domain/csv-document";

export const ZStampLogFilter = z.object({
  sealId: z.string().trim().max(64).optional().catch(undefined),
  actorId: z.string().trim().max(64).optional().catch(undefined),
  itemId: z.string().trim().max(64).optional().catch(undefined),
  // Real calendar dates only (2025-02-29 is not one): anything else is simply not applied.
  from: z.string().refine(isPlainDate).optional().catch(undefined),
  to: z.string().refine(isPlainDate).optional().catch(undefined),
  /** Keyset cursor: the last row of the previous page (lib/domain/paging/keyset). */
  after: z.string().max(100).optional().catch(undefined),
});
export type TStampLogFilter = z.input<typeof ZStampLogFilter>;

const PAGE = 50;
function whereOf(f: z.infer<typeof ZStampLogFilter>): Prisma.StampRecordWhereInput {
  const stampedAt: Prisma.DateTimeFilter = {};
  // Bureau days (Beijing time), `to` included; the schema let only real dates through.
  if (f.from) stampedAt.gte = bureauDayStart(f.from);
  if (f.to) stampedAt.lt = bureauDayStart(addCalendarDays(f.to, 1));
  return {
    ...(f.sealId ? { sealId: f.sealId } : {}),
    ...(f.actorId ? { actorId: f.actorId } : {}),
    ...(f.itemId ? { certificate: { itemId: f.itemId } } : {}),
    ...(f.from || f.to ? { stampedAt } : {}),
  };
}

const SELECT = {
  id: true,
  stampedAt: true,
  certificateNo: true,
  documentKind: true,
  pdfSha256: true,
  recordSm3: true,
  seal: { select: { name: true, keyId: true } },
  actor: { select: { name: true, loginId: true } },
  certificate: { select: { identifier: true, name: true, holderName: true } },
} as const;

export async function listStampRecords(opts: { actor: Actor | null; filter: TStampLogFilter; pageSize?: number }) {
  await requirePermission(opts.actor, "stamp-log:read", "listStampRecords");
  const f = ZStampLogFilter.parse(opts.filter);
  const take = opts.pageSize ?? PAGE;
  const where = { AND: [whereOf(f), olderThan("stampedAt", f.after)] };
  const [rows, total] = await Promise.all([
    db().stampRecord.findMany({ where, orderBy: [{ stampedAt: "desc" }, { id: "desc" }], take: take + 1, select: SELECT }),
    db().stampRecord.count({ where: whereOf(f) }),
  ]);
  const page = rows.slice(0, take);
  const last = page[page.length - 1];
  return { rows: page, total, next: rows.length > take && last ? encodeCursor({ value: last.stampedAt.toISOString(), id: last.id }) : null };
}

const beijing = new Intl.DateTimeFormat("sv-SE", { timeZone: BUREAU_TIME_ZONE, dateStyle: "short", timeStyle: "medium" });

/** Every matching stamp as CSV (UTF-8 with BOM, so spreadsheet programs read the Chinese), streamed page by page. */
export async function* stampLogCsv(opts: { actor: Actor | null; filter: TStampLogFilter }): AsyncGenerator<string> {
  await requirePermission(opts.actor, "stamp-log:read", "stampLogCsv");
  yield "\uFEFF用印时间,印章,密钥,用印人,文书类型,文书编号,证照标识,证照名称,持证主体,PDF SHA-256,记录 SM3\n";
  let after: string | undefined = undefined;
  for (;;) {
    const page: Awaited<ReturnType<typeof listStampRecords>> = await listStampRecords({ actor: opts.actor, filter: { ...opts.filter, after }, pageSize: 1000 });
    yield page.rows
      .map((r) =>
        [beijing.format(r.stampedAt), r.seal.name, r.seal.keyId ?? "", `${r.actor.name}（${r.actor.loginId}）`, r.documentKind, r.certificateNo, r.certificate?.identifier ?? "", r.certificate?.name ?? "", r.certificate?.holderName ?? "", r.pdfSha256 ?? "", r.recordSm3 ?? ""]
          .map(csvCell)
          .join(","),
      )
      .map((line) => `${line}\n`)
      .join("");
    if (!page.next) return;
    after = page.next;
  }
}
