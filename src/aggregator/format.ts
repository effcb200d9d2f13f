/** 41230 → "41,230" (no Intl: the same output on every machine). */
export function formatCount(n: number): string {
  const s = String(Math.round(n));
  return s.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** A ratio for people: one decimal below 10, whole numbers above. */
export function formatRatio(r: number): string {
  return r < 10 ? String(Math.round(r * 10) / 10) : formatCount(r);
}

/** A rate rounded for display and JSON: one decimal. */
export function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
