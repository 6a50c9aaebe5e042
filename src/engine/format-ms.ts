/** Durations for reports: "850 ms", "1 s", "1.50 s". */
export function fmtMs(ms: number): string {
  if (Math.abs(ms) >= 1000) return `${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 2)} s`;
  return `${Math.round(ms)} ms`;
}
