import { createCipheriv } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chacha20Block, drawExperts, ExpertDrawError, partialShuffle, reproduceDraw, seededWords, uniformBelow } from "./expert-draw";

const seedOf = (i: number) => i.toString(16).padStart(64, "0");
const ids = (n: number, prefix = "e") => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(2, "0")}`);

describe("the keystream", () => {
  it("is ChaCha20 (RFC 8439 §2.3.2 test vector)", () => {
    const key = new Uint32Array(8).map((_, i) => (4 * i) | ((4 * i + 1) << 8) | ((4 * i + 2) << 16) | ((4 * i + 3) << 24));
    const block = chacha20Block(key, 1, new Uint32Array([0x09000000, 0x4a000000, 0x00000000]));
    expect([...block.slice(0, 4)].map((w) => w.toString(16).padStart(8, "0"))).toEqual(["e4e7f110", "15593bd1", "1fdd0f50", "c47120a3"]);
    expect(block[15].toString(16)).toBe("4e3c50a2");
  });

  it("is the seed's ChaCha20 keystream as OpenSSL computes it (key = seed, nonce 0, counter from 0)", () => {
    const seed = "9f2c0e5a7d31b4c8e6f0a2d4c6b8e0f1a3c5e7d9b1f3a5c7e9d0b2f4a6c8e0d2";
    const words = seededWords(seed);
    const ours = Buffer.alloc(4 * 40);
    for (let i = 0; i < 40; i++) ours.writeUInt32LE(words(), 4 * i);
    const openssl = createCipheriv("chacha20", Buffer.from(seed, "hex"), Buffer.alloc(16)).update(Buffer.alloc(4 * 40));
    expect(ours.toString("hex")).toBe(openssl.toString("hex"));
  });

  it("refuses anything but 64 lowercase hex digits as a seed", () => {
    for (const bad of ["", "ab", seedOf(1).toUpperCase().replace(/0/g, "A"), `${seedOf(1)}00`, "g".repeat(64)]) {
      expect(() => drawExperts({ pool: ids(3), conflicted: [], count: 1, seed: bad })).toThrow(expect.objectContaining({ code: "INVALID_SEED" }));
    }
  });
});

describe("uniformBelow", () => {
  it("rejects words in the incomplete last lap instead of folding them (no modulo bias)", () => {
    // n = 3: 2³² = 3·1431655765 + 1, so the one word 2³² − 1 is rejected and the next taken.
    const words = [0xffffffff, 0xfffffffe, 7];
    let i = 0;
    expect(uniformBelow(() => words[i++], 3)).toBe(0xfffffffe % 3);
    expect(i).toBe(2);
    // n = 2³²: nothing is rejected.
    expect(uniformBelow(() => 0xffffffff, 2 ** 32)).toBe(0xffffffff);
    expect(() => uniformBelow(() => 0, 0)).toThrow(RangeError);
  });
});

describe("a draw", () => {
  it("is a fixed function of the seed, pool order aside (pinned: stored draws must stay reproducible)", () => {
    const pool = ids(12);
    const a = drawExperts({ pool, conflicted: ["e03"], count: 5, seed: seedOf(2026) });
    const b = drawExperts({ pool: [...pool].reverse(), conflicted: ["e03", "not-in-pool"], count: 5, seed: seedOf(2026) });
    expect(b).toEqual(a);
    expect(a.excluded).toEqual(["e03"]);
    expect(a.eligible).toEqual(pool.filter((id) => id !== "e03"));
    // Pinned: a change of the algorithm would make every stored draw irreproducible.
    expect(a.picked).toEqual(["e11", "e04", "e02", "e00", "e06"]);
    expect(drawExperts({ pool, conflicted: ["e03"], count: 5, seed: seedOf(2027) }).picked).not.toEqual(a.picked);
  });

  it("picks `count` distinct eligible experts, never a conflicted one, and is reproducible (any pool, conflicts, count, seed)", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 40 }),
        fc.nat(),
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        (pool, conflictIndexes, n, bytes) => {
          const conflicted = conflictIndexes.map((i) => pool[i % pool.length]);
          const eligible = pool.length - new Set(conflicted).size;
          const count = 1 + (n % pool.length);
          const seed = Buffer.from(bytes).toString("hex");
          if (count > eligible) {
            expect(() => drawExperts({ pool, conflicted, count, seed })).toThrow(expect.objectContaining({ code: "TOO_FEW_EXPERTS", eligible, wanted: count }));
            return;
          }
          const d = drawExperts({ pool, conflicted, count, seed });
          expect(d.picked).toHaveLength(count);
          expect(new Set(d.picked).size).toBe(count);
          for (const id of d.picked) {
            expect(conflicted).not.toContain(id);
            expect(pool).toContain(id);
          }
          expect(reproduceDraw({ seed, count, eligibleIds: d.eligible, excludedIds: d.excluded, pickedIds: d.picked })).toEqual({ reproducible: true, picked: d.picked });
        },
      ),
      { numRuns: 500 },
    );
  });

  it("never picks a conflicted expert, over many seeds", () => {
    const pool = ids(10);
    const conflicted = ["e01", "e04", "e07"];
    for (let i = 0; i < 5000; i++) {
      const { picked } = drawExperts({ pool, conflicted, count: 7, seed: seedOf(i) });
      expect(picked.filter((id) => conflicted.includes(id))).toEqual([]);
    }
  });

  it("is refused with a typed error when too few experts are eligible, or the count is not a positive whole number", () => {
    try {
      drawExperts({ pool: ids(4), conflicted: ["e00", "e01"], count: 3, seed: seedOf(1) });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ExpertDrawError);
      expect(e).toMatchObject({ code: "TOO_FEW_EXPERTS", eligible: 2, wanted: 3 });
    }
    expect(() => drawExperts({ pool: [], conflicted: [], count: 1, seed: seedOf(1) })).toThrow(expect.objectContaining({ code: "TOO_FEW_EXPERTS" }));
    for (const count of [0, -1, 1.5, Number.NaN]) expect(() => drawExperts({ pool: ids(4), conflicted: [], count, seed: seedOf(1) })).toThrow(expect.objectContaining({ code: "INVALID_COUNT" }));
    // All of them, when exactly enough are eligible.
    expect(drawExperts({ pool: ids(4), conflicted: ["e00"], count: 3, seed: seedOf(1) }).picked.sort()).toEqual(["e01", "e02", "e03"]);
  });

  it("is not reproducible when its record was changed", () => {
    const d = drawExperts({ pool: ids(8), conflicted: ["e02"], count: 3, seed: seedOf(7) });
    const stored = { seed: seedOf(7), count: 3, eligibleIds: d.eligible, excludedIds: d.excluded, pickedIds: d.picked };
    expect(reproduceDraw(stored).reproducible).toBe(true);
    expect(reproduceDraw({ ...stored, pickedIds: [...d.picked].reverse() }).reproducible).toBe(false);
    expect(reproduceDraw({ ...stored, seed: seedOf(8) }).reproducible).toBe(false);
    expect(reproduceDraw({ ...stored, eligibleIds: [...d.eligible, "e02"] }).reproducible).toBe(false);
    expect(reproduceDraw({ ...stored, seed: "nonsense" }).reproducible).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// Uniformity. 20 eligible experts, 3 picked per draw, 30 000 draws with seeds 0 … 29 999. Each test
// compares observed counts with expected ones by Pearson's chi-square against the critical value of
// significance 0.001 (a correct draw fails one such test once in a thousand seed sets; the seeds are
// fixed, so the suite is deterministic).

const N = 20;
const K = 3;
const DRAWS = 30_000;
/** χ² critical values at p = 0.001 (scipy.stats.chi2.isf(0.001, df)). */
const CRITICAL = { 19: 43.820, 1139: 1292.208 } as const;

const pearson = (observed: readonly number[], expected: number) => observed.reduce((s, o) => s + (o - expected) ** 2 / expected, 0);

type Sampler = (seed: string) => (n: number) => number;
const unbiased: Sampler = (seed) => {
  const words = seededWords(seed);
  return (n) => uniformBelow(words, n);
};
/** The classic mistake, made visible: one random byte modulo n (256 = 12·20 + 16 favours 0 … 15). */
const byteModulo: Sampler = (seed) => {
  const words = seededWords(seed);
  return (n) => (words() & 0xff) % n;
};

/** Per-expert, per-position and per-set counts of DRAWS draws of K of N. */
function tally(sampler: Sampler) {
  const pool = ids(N);
  const perExpert = new Array<number>(N).fill(0);
  const perPosition = Array.from({ length: K }, () => new Array<number>(N).fill(0));
  const perSet = new Map<string, number>();
  for (let d = 0; d < DRAWS; d++) {
    const picked = sampler === unbiased ? drawExperts({ pool, conflicted: [], count: K, seed: seedOf(d) }).picked : partialShuffle(pool, K, sampler(seedOf(d)));
    picked.forEach((id, position) => {
      const i = Number(id.slice(1));
      perExpert[i]++;
      perPosition[position][i]++;
    });
    const set = [...picked].sort().join();
    perSet.set(set, (perSet.get(set) ?? 0) + 1);
  }
  return { perExpert, perPosition, perSet };
}

/**
 * The statistics. Per expert: each draw picks K distinct experts, so the counts are not multinomial;
 * their covariance is n·p(1−p)·N/(N−1)·(I − J/N) with p = K/N, hence Pearson's sum divided by
 * (1−p)·N/(N−1) is χ² with N−1 degrees of freedom. Per position (the first, second, third pick) the
 * counts are multinomial: χ²(N−1) each. Per set: each draw is one of C(20,3) = 1140 equally likely
 * sets, multinomial: χ²(1139).
 */
function statistics(t: ReturnType<typeof tally>) {
  const p = K / N;
  const perExpert = pearson(t.perExpert, (DRAWS * K) / N) / ((1 - p) * (N / (N - 1)));
  const perPosition = t.perPosition.map((counts) => pearson(counts, DRAWS / N));
  const sets = (N * (N - 1) * (N - 2)) / 6;
  const perSet = pearson([...t.perSet.values(), ...new Array<number>(sets - t.perSet.size).fill(0)], DRAWS / sets);
  return { perExpert, perPosition, perSet, distinctSets: t.perSet.size };
}

describe("the draw is uniform over eligible experts", () => {
  it(`per expert, per position and per set (${DRAWS} draws of ${K} of ${N}, χ² at p = 0.001)`, () => {
    const s = statistics(tally(unbiased));
    console.info(`expert draw uniformity: per expert χ²(19) = ${s.perExpert.toFixed(2)}; per position χ²(19) = ${s.perPosition.map((x) => x.toFixed(2)).join(", ")}; per set χ²(1139) = ${s.perSet.toFixed(1)} over ${s.distinctSets} sets seen; critical 43.82 / 1292.21`);
    expect(s.perExpert).toBeLessThan(CRITICAL[19]);
    for (const x of s.perPosition) expect(x).toBeLessThan(CRITICAL[19]);
    expect(s.perSet).toBeLessThan(CRITICAL[1139]);
    expect(s.distinctSets).toBe(1140);
  });

  it("the same test rejects a byte-modulo draw (so it can fail)", () => {
    const s = statistics(tally(byteModulo));
    console.info(`byte-modulo draw: per expert χ²(19) = ${s.perExpert.toFixed(2)}; per position χ²(19) = ${s.perPosition.map((x) => x.toFixed(2)).join(", ")}; per set χ²(1139) = ${s.perSet.toFixed(1)}`);
    expect(s.perExpert).toBeGreaterThan(CRITICAL[19]);
    expect(Math.max(...s.perPosition)).toBeGreaterThan(CRITICAL[19]);
  });
});
