// The acting user as services see it: who they are, their role and, for staff, their section.
import type { Role } from "./roles";

export type Actor = { id: string; role: Role; name: string; sectionId: string | null };
