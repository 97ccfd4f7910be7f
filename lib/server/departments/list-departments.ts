// The administrator's list of departments (原职能部门) with their webhook subscriptions and how their
// deliveries stand.
import "server-only";
import type { Actor } from "@/lib/domain/access/actor";
import { requirePermission } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db";

export async function listDepartments(opts: { actor: Actor | null }) {
  await requirePermission(opts.actor, "departments:administer", "listDepartments");
  const [departments, failed, pending] = await Promise.all([
    db().department.findMany({
      orderBy: { code: "asc" },
      select: { id: true, code: true, name: true, _count: { select: { events: true } }, webhooks: { where: { active: true }, select: { id: true } } },
    }),
    db().webhookDelivery.groupBy({ by: ["subscriptionId"], where: { state: "FAILED" }, _count: { _all: true } }),
    db().webhookDelivery.groupBy({ by: ["subscriptionId"], where: { state: "PENDING" }, _count: { _all: true } }),
  ]);
  const subs = await db().webhookSubscription.findMany({ where: { id: { in: [...failed, ...pending].map((f) => f.subscriptionId) } }, select: { id: true, departmentId: true } });
  const departmentOf = new Map(subs.map((s) => [s.id, s.departmentId]));
  const sum = (rows: typeof failed) => {
    const m = new Map<string, number>();
    for (const r of rows) {
      const d = departmentOf.get(r.subscriptionId);
      if (d) m.set(d, (m.get(d) ?? 0) + r._count._all);
    }
    return m;
  };
  const failedBy = sum(failed);
  const pendingBy = sum(pending);
  return departments.map((d) => ({ id: d.id, code: d.code, name: d.name, events: d._count.events, activeSubscriptions: d.webhooks.length, failed: failedBy.get(d.id) ?? 0, pending: pendingBy.get(d.id) ?? 0 }));
}
