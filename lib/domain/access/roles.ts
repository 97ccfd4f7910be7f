// Who may use which part of the portal: roles, their areas and their home pages.

export const ROLES = ["APPLICANT", "CLERK", "REVIEWER", "CHIEF", "DIRECTOR", "SUPERVISOR", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];

/** Staff roles: everyone who works in the back office (后台). */
export const STAFF_ROLES = ROLES.filter((r) => r !== "APPLICANT") as Exclude<Role, "APPLICANT">[];
export type StaffRole = (typeof STAFF_ROLES)[number];

export function isStaffRole(role: Role): role is StaffRole {
  return role !== "APPLICANT";
}

/** The portal's signed-in areas. `my` is the applicant's; the rest live under /office. */
export const AREAS = {
  my: { href: "/my", roles: ["APPLICANT"] },
  window: { href: "/office/window", roles: ["CLERK"] },
  review: { href: "/office/review", roles: ["REVIEWER", "CHIEF"] },
  approve: { href: "/office/approve", roles: ["CHIEF", "DIRECTOR"] },
  director: { href: "/office/director", roles: ["DIRECTOR"] },
  supervision: { href: "/office/supervision", roles: ["SUPERVISOR", "DIRECTOR"] },
  cards: { href: "/office/cards", roles: ["CLERK", "REVIEWER", "CHIEF", "DIRECTOR", "SUPERVISOR"] },
  complaints: { href: "/office/complaints", roles: ["REVIEWER", "CHIEF", "DIRECTOR", "SUPERVISOR"] },
  /** 一件事: bundle filings under way (each item's case side by side, the joint survey, the one handover). */
  bundles: { href: "/office/bundles", roles: ["CLERK", "REVIEWER", "CHIEF", "DIRECTOR", "SUPERVISOR"] },
  admin: { href: "/office/admin", roles: ["ADMIN"] },
} as const satisfies Record<string, { href: string; roles: readonly Role[] }>;

export type Area = keyof typeof AREAS;

const HOME: Record<Role, Area> = {
  APPLICANT: "my",
  CLERK: "window",
  REVIEWER: "review",
  CHIEF: "approve",
  DIRECTOR: "director",
  SUPERVISOR: "supervision",
  ADMIN: "admin",
};

export function homeAreaOf(role: Role): Area {
  return HOME[role];
}

export function homePathOf(role: Role): string {
  return AREAS[HOME[role]].href;
}

export function mayUseArea(role: Role, area: Area): boolean {
  return (AREAS[area].roles as readonly Role[]).includes(role);
}

/** Areas in navigation order for a role: its home first. */
export function areasOf(role: Role): Area[] {
  const home = HOME[role];
  const rest = (Object.keys(AREAS) as Area[]).filter((a) => a !== home && mayUseArea(role, a));
  return [home, ...rest];
}

/** The area a path belongs to, or null for public pages. */
export function areaOfPath(pathname: string): Area | null {
  for (const [area, { href }] of Object.entries(AREAS) as [Area, { href: string }][]) {
    if (pathname === href || pathname.startsWith(`${href}/`)) return area;
  }
  return null;
}

export function isBackOfficePath(pathname: string): boolean {
  return pathname === "/office" || pathname.startsWith("/office/");
}

/** The role of everyone who applies (a person or an enterprise). */
export const APPLICANT_ROLE = "APPLICANT" as const satisfies Role;

/** Reviewers and chiefs belong to a section (审批科室); their queues and cases are its own. */
export function roleNeedsSection(role: Role): boolean {
  return role === "REVIEWER" || role === "CHIEF";
}
