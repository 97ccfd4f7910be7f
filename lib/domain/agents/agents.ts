// 帮办代办: an agent files and follows an enterprise's applications under a power of attorney the
// enterprise confirmed. The authority moves REQUESTED → CONFIRMED → REVOKED (or REQUESTED → REVOKED);
// only a confirmed one lets the agent file, see and change the enterprise's applications filed
// under it, and a revocation ends that at once — the applications stay the enterprise's.

export const AGENT_AUTHORITY_STATUSES = ["REQUESTED", "CONFIRMED", "REVOKED"] as const;
export type AgentAuthorityStatus = (typeof AGENT_AUTHORITY_STATUSES)[number];

export type AuthorityMove = "CONFIRM" | "REVOKE";
/** Who moves an authority: the enterprise confirms or revokes; the agent may give it up (revoke). */
export type AuthorityParty = "ENTERPRISE" | "AGENT" | "WINDOW";

const MOVES: Record<AuthorityMove, { from: readonly AgentAuthorityStatus[]; to: AgentAuthorityStatus; by: readonly AuthorityParty[] }> = {
  // Online by the enterprise's main account, or at the window by a clerk who checked the paper one.
  CONFIRM: { from: ["REQUESTED"], to: "CONFIRMED", by: ["ENTERPRISE", "WINDOW"] },
  REVOKE: { from: ["REQUESTED", "CONFIRMED"], to: "REVOKED", by: ["ENTERPRISE", "AGENT"] },
};

/** The status after the move, or null when it is not allowed (wrong party or state). */
export function authorityMove(status: AgentAuthorityStatus, move: AuthorityMove, party: AuthorityParty): AgentAuthorityStatus | null {
  const rule = MOVES[move];
  return rule.from.includes(status) && rule.by.includes(party) ? rule.to : null;
}

/** The moves `party` may make now (what a page offers). */
export function authorityMoves(status: AgentAuthorityStatus, party: AuthorityParty): AuthorityMove[] {
  return (Object.keys(MOVES) as AuthorityMove[]).filter((m) => authorityMove(status, m, party) !== null);
}

/** Whether `actorId` acts as the agent of this application under an authority in force. */
export function actsAsAgent(actorId: string, authority: { agentId: string; status: string } | null | undefined): boolean {
  return !!authority && authority.agentId === actorId && authority.status === "CONFIRMED";
}
