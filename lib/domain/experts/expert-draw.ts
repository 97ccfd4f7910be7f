// 专家评审: experts are drawn at random from the pool of a field, never one who declared a conflict
// with the applicant (回避), and every draw can be re-run by anyone from what is stored with it.
//
// The draw: eligible = pool − conflicted, deduplicated and sorted by code unit (so the order the
// database returned them in does not matter); a stream of random 32-bit words from the seed; a
// partial Fisher–Yates shuffle of the eligible list whose first `count` places are the picks, each
// index drawn without modulo bias (words in the incomplete last "lap" of 2³² are rejected).
//
// The stream is the ChaCha20 block function (RFC 8439) with the 256-bit seed as key, nonce zero and
// the block counter from 0: a keystream indistinguishable from uniform bits for an unknown key, and
// a fixed, public function of the seed for anyone who has it. Pure integer arithmetic, so every
// platform computes the same words.

/** A seed is 32 bytes, written as 64 hexadecimal digits (the service takes them from crypto.randomBytes). */
export const SEED_HEX_LENGTH = 64;

export type ExpertDrawErrorCode = "TOO_FEW_EXPERTS" | "INVALID_COUNT" | "INVALID_SEED";

export class ExpertDrawError extends Error {
  constructor(
    readonly code: ExpertDrawErrorCode,
    message: string,
    /** TOO_FEW_EXPERTS: how many were eligible and how many were asked for. */
    readonly eligible?: number,
    readonly wanted?: number,
  ) {
    super(message);
    this.name = "ExpertDrawError";
  }
}

export function isSeed(seed: string): boolean {
  return seed.length === SEED_HEX_LENGTH && /^[0-9a-f]+$/.test(seed);
}

// ---------------------------------------------------------------------------------------------
// ChaCha20 keystream (RFC 8439 §2.3), as a stream of 32-bit words.

const SIGMA = [0x61707865, 0x3320646e, 0x79622d32, 0x6b206574]; // "expand 32-byte k"

const rotl = (x: number, n: number) => (x << n) | (x >>> (32 - n));

function quarterRound(s: Uint32Array, a: number, b: number, c: number, d: number) {
  s[a] += s[b];
  s[d] = rotl(s[d] ^ s[a], 16);
  s[c] += s[d];
  s[b] = rotl(s[b] ^ s[c], 12);
  s[a] += s[b];
  s[d] = rotl(s[d] ^ s[a], 8);
  s[c] += s[d];
  s[b] = rotl(s[b] ^ s[c], 7);
}

/** One 64-byte ChaCha20 block as 16 little-endian words: key 8 words, counter, nonce 3 words. */
export function chacha20Block(key: Uint32Array, counter: number, nonce: Uint32Array = new Uint32Array(3)): Uint32Array {
  const input = new Uint32Array(16);
  input.set(SIGMA, 0);
  input.set(key, 4);
  input[12] = counter;
  input.set(nonce, 13);
  const s = input.slice();
  for (let i = 0; i < 10; i++) {
    quarterRound(s, 0, 4, 8, 12);
    quarterRound(s, 1, 5, 9, 13);
    quarterRound(s, 2, 6, 10, 14);
    quarterRound(s, 3, 7, 11, 15);
    quarterRound(s, 0, 5, 10, 15);
    quarterRound(s, 1, 6, 11, 12);
    quarterRound(s, 2, 7, 8, 13);
    quarterRound(s, 3, 4, 9, 14);
  }
  for (let i = 0; i < 16; i++) s[i] += input[i];
  return s;
}

/** The 32-byte key of a 64-digit hex seed, as 8 little-endian words. */
function keyOf(seed: string): Uint32Array {
  if (!isSeed(seed)) throw new ExpertDrawError("INVALID_SEED", `a seed is ${SEED_HEX_LENGTH} lowercase hexadecimal digits`);
  const key = new Uint32Array(8);
  for (let i = 0; i < 8; i++) {
    const b = (j: number) => parseInt(seed.slice(8 * i + 2 * j, 8 * i + 2 * j + 2), 16);
    key[i] = (b(0) | (b(1) << 8) | (b(2) << 16) | (b(3) << 24)) >>> 0;
  }
  return key;
}

/** The seed's keystream, one uniformly distributed 32-bit word at a time. */
export function seededWords(seed: string): () => number {
  const key = keyOf(seed);
  let counter = 0;
  let block: Uint32Array = new Uint32Array(0);
  let next = 0;
  return () => {
    if (next === block.length) {
      block = chacha20Block(key, counter++);
      next = 0;
    }
    return block[next++];
  };
}

const TWO_32 = 2 ** 32;

/**
 * A uniform integer in [0, n) from uniform 32-bit words: a word at or above the largest multiple of
 * n below 2³² is rejected and another taken, so each remainder has exactly the same number of words.
 */
export function uniformBelow(word: () => number, n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > TWO_32) throw new RangeError(`uniformBelow: ${n}`);
  const limit = TWO_32 - (TWO_32 % n);
  for (;;) {
    const w = word();
    if (w < limit) return w % n;
  }
}

// ---------------------------------------------------------------------------------------------
// The draw.

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The first `count` places of a Fisher–Yates shuffle of `eligible` (in the given order): place i
 * takes a uniformly chosen one of the items not yet placed. Every ordered choice of `count`
 * distinct items is equally likely when `below(n)` is uniform on [0, n).
 */
export function partialShuffle<T>(eligible: readonly T[], count: number, below: (n: number) => number): T[] {
  const a = [...eligible];
  for (let i = 0; i < count; i++) {
    const j = i + below(a.length - i);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a.slice(0, count);
}

export type ExpertDrawInput = {
  /** Ids of the field's active experts. */
  pool: readonly string[];
  /** Ids of experts who declared a conflict with the applicant (others may be listed too). */
  conflicted: readonly string[];
  count: number;
  /** 64 lowercase hex digits. */
  seed: string;
};

export type ExpertDrawResult = {
  /** The pool without the conflicted, sorted: what the seed shuffles. */
  eligible: string[];
  /** Experts of the pool left out for a declared conflict, sorted. */
  excluded: string[];
  /** In the order drawn. */
  picked: string[];
};

/** Draws `count` distinct experts of the pool, none conflicted, reproducibly from the seed. */
export function drawExperts(input: ExpertDrawInput): ExpertDrawResult {
  const { count, seed } = input;
  if (!Number.isInteger(count) || count < 1) throw new ExpertDrawError("INVALID_COUNT", `cannot draw ${count} experts`);
  const words = seededWords(seed);
  const conflicted = new Set(input.conflicted);
  const pool = [...new Set(input.pool)].sort(byCodeUnit);
  const eligible = pool.filter((id) => !conflicted.has(id));
  const excluded = pool.filter((id) => conflicted.has(id));
  if (eligible.length < count) throw new ExpertDrawError("TOO_FEW_EXPERTS", `${count} experts wanted, ${eligible.length} eligible`, eligible.length, count);
  return { eligible, excluded, picked: partialShuffle(eligible, count, (n) => uniformBelow(words, n)) };
}

/** What a draw stored: enough to run it again. */
export type StoredDraw = { seed: string; count: number; eligibleIds: readonly string[]; excludedIds: readonly string[]; pickedIds: readonly string[] };

/**
 * Whether the stored draw is what its seed gives over its stored eligible list: the same picks in
 * the same order, and nobody both eligible and excluded. Anyone holding the record can check it.
 */
export function reproduceDraw(draw: StoredDraw): { reproducible: boolean; picked: string[] } {
  let picked: string[];
  try {
    picked = drawExperts({ pool: draw.eligibleIds, conflicted: [], count: draw.count, seed: draw.seed }).picked;
  } catch (e) {
    if (e instanceof ExpertDrawError) return { reproducible: false, picked: [] };
    throw e;
  }
  const excluded = new Set(draw.excludedIds);
  const sameList = [...new Set(draw.eligibleIds)].length === draw.eligibleIds.length;
  const reproducible = sameList && !draw.eligibleIds.some((id) => excluded.has(id)) && picked.length === draw.pickedIds.length && picked.every((id, i) => id === draw.pickedIds[i]);
  return { reproducible, picked };
}
