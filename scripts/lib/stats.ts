// Percentiles for the benchmarks' printed tables (nearest rank; NaN for no samples).
export const pct = (xs: number[], p: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] : NaN);
export const median = (xs: number[]) => pct(xs, 50);
