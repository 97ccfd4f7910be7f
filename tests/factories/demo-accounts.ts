// One demo account per role: used by the seed, the README and the browser tests.
import type { Role } from "@/lib/domain/access/roles";
import { makeCreditCode, makeResidentId } from "./identities";

export const DEMO_PASSWORD = "Demo2026!";

export type DemoAccount = {
  role: Role;
  loginId: string;
  name: string;
  sectionCode?: string;
  applicant?: { applicantType: "PERSON" | "ENTERPRISE"; residentId?: string; creditCode?: string; phone: string; contactName?: string };
  /** Where notices go besides the inbox (default: SMS to the applicant's phone). */
  notices?: { phone?: string; email?: string; channels: ("SMS" | "EMAIL")[] };
};

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    role: "APPLICANT",
    loginId: makeResidentId("19880615", 21),
    name: "张小民",
    applicant: { applicantType: "PERSON", residentId: makeResidentId("19880615", 21), phone: "13800000001" },
    notices: { email: "zhang.xiaomin@example.cn", channels: ["SMS", "EMAIL"] },
  },
  {
    role: "APPLICANT",
    loginId: makeCreditCode(1),
    name: "广安示范商贸有限公司",
    applicant: { applicantType: "ENTERPRISE", creditCode: makeCreditCode(1), phone: "13800000002", contactName: "李经理" },
  },
  { role: "CLERK", loginId: "CLERK01", name: "王窗口" },
  { role: "REVIEWER", loginId: "REVIEWER01", name: "赵经办", sectionCode: "S01" },
  { role: "CHIEF", loginId: "CHIEF01", name: "钱科长", sectionCode: "S01", notices: { phone: "13800000105", email: "qian.kezhang@example.cn", channels: ["SMS", "EMAIL"] } },
  { role: "DIRECTOR", loginId: "DIRECTOR", name: "孙局长" },
  { role: "SUPERVISOR", loginId: "SUPERVISOR", name: "周监察", notices: { email: "zhou.jiancha@example.cn", channels: ["EMAIL"] } },
  { role: "ADMIN", loginId: "ADMIN", name: "吴管理员" },
];

export function demoAccountOf(role: Role): DemoAccount {
  const account = DEMO_ACCOUNTS.find((a) => a.role === role);
  if (!account) throw new Error(`no demo account for ${role}`);
  return account;
}
