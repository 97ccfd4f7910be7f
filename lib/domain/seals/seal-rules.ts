// Seal custody: which seal may stamp at a given moment, and what replacing the bureau's seal does to the old and the new one.

/** An archived seal is kept for verifying what it stamped, and never stamps again. */
export type SealState = "ACTIVE" | "ARCHIVED";

export type SealRuleErrorCode =
  | "SEAL_ARCHIVED"
  | "SEAL_NOT_YET_VALID"
  | "SEAL_EXPIRED"
  | "SEAL_ROTATION_TO_SELF"
  | "SEAL_ROTATION_TO_ARCHIVED"
  | "SEAL_ROTATION_FROM_ARCHIVED";

export class SealRuleError extends Error {
  constructor(
    readonly code: SealRuleErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "SealRuleError";
  }
}

export type SealValidity = {
  status: SealState;
  /** First instant the seal may stamp; none = from its creation. */
  validFrom?: Date | null;
  /** First instant it may no longer stamp (exclusive), so a successor's validFrom can equal it. */
  validTo?: Date | null;
};

export type SealRecord = SealValidity & { id: string };

function assertInstant(at: Date, what: string): void {
  if (!(at instanceof Date) || Number.isNaN(at.getTime())) throw new RangeError(`${what} must be a valid Date`);
}

/**
 * Throws `SealRuleError` unless the seal may stamp at `at`: it must be ACTIVE (an archived seal is
 * refused whatever its dates say) and `at` must lie in [validFrom, validTo).
 */
export function assertSealMayStamp(seal: SealValidity, at: Date): void {
  assertInstant(at, "Stamping time");
  if (seal.status !== "ACTIVE") throw new SealRuleError("SEAL_ARCHIVED", "An archived seal can no longer stamp.");
  if (seal.validFrom && at.getTime() < seal.validFrom.getTime()) {
    throw new SealRuleError("SEAL_NOT_YET_VALID", `The seal may stamp only from ${seal.validFrom.toISOString()}.`);
  }
  if (seal.validTo && at.getTime() >= seal.validTo.getTime()) {
    throw new SealRuleError("SEAL_EXPIRED", `The seal could stamp only until ${seal.validTo.toISOString()}.`);
  }
}

/** Whether `assertSealMayStamp` would pass; for listing usable seals without try/catch. */
export function sealMayStamp(seal: SealValidity, at: Date): boolean {
  try {
    assertSealMayStamp(seal, at);
    return true;
  } catch (e) {
    if (e instanceof SealRuleError) return false;
    throw e;
  }
}

export type SealRotationPlan = {
  /** The seal retired by the rotation; null when the bureau had no seal yet. */
  archive: { id: string; status: "ARCHIVED"; archivedAt: Date } | null;
  activate: { id: string; status: "ACTIVE" };
};

/**
 * What replacing `current` by `next` at `at` writes: the old seal becomes ARCHIVED with
 * `archivedAt = at`, the new one ACTIVE. Refused when `next` is the same seal, is archived (an
 * archived seal never comes back, or documents stamped after its retirement would verify against a
 * seal the bureau said was gone), cannot stamp at `at` (a rotation must not leave a gap without a
 * usable seal), or when `current` is already archived (the caller read a stale state, probably a
 * concurrent rotation; it should read again rather than archive twice).
 */
export function planSealRotation(current: SealRecord | null, next: SealRecord, at: Date): SealRotationPlan {
  assertInstant(at, "Rotation time");
  if (current && current.id === next.id) throw new SealRuleError("SEAL_ROTATION_TO_SELF", "A seal cannot replace itself.");
  if (next.status === "ARCHIVED") throw new SealRuleError("SEAL_ROTATION_TO_ARCHIVED", "An archived seal cannot be brought back into use.");
  if (current && current.status === "ARCHIVED") {
    throw new SealRuleError("SEAL_ROTATION_FROM_ARCHIVED", "The seal to be replaced is already archived.");
  }
  assertSealMayStamp(next, at);
  return {
    archive: current ? { id: current.id, status: "ARCHIVED", archivedAt: new Date(at.getTime()) } : null,
    activate: { id: next.id, status: "ACTIVE" },
  };
}
