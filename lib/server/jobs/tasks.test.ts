import { parseCrontab } from "graphile-worker";
import { describe, expect, it } from "vitest";
import { TASKS } from "./queue";
import { CRONTAB, TASK_LIST, bureauDaily } from "./tasks";

describe("the worker's schedule", () => {
  it("parses as graphile-worker reads it, at Beijing times in UTC, catching up two days, for tasks the worker knows", () => {
    const items = parseCrontab(CRONTAB);
    expect(items.map((i) => i.task)).toEqual([TASKS.sweepCards, TASKS.sweepComplaints, TASKS.reconcilePayments, TASKS.expirePayments, TASKS.purgeApiCalls, TASKS.anchorAuditChain]);
    for (const item of items) {
      expect(TASK_LIST[item.task as keyof typeof TASK_LIST]).toBeTypeOf("function");
      expect(item.options.backfillPeriod).toBe(2 * 24 * 3600 * 1000);
    }
    // 02:00 Beijing is 18:00 UTC the day before; 00:10 is 16:10.
    expect(items[0]).toMatchObject({ match: expect.any(Function) });
    expect(bureauDaily(2, 0)).toBe("0 18 * * *");
    expect(bureauDaily(0, 10)).toBe("10 16 * * *");
    expect(bureauDaily(2, 20)).toBe("20 18 * * *");
    expect(bureauDaily(1, 30)).toBe("30 17 * * *");
    expect(bureauDaily(9, 30)).toBe("30 1 * * *");
  });
});
