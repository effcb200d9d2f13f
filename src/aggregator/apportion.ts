/**
 * `rows` scaled to add up to exactly `total` (largest remainder), largest first. Region and problem
 * counts older than the last hour of the head are kept per quarter hour and pro-rated; the minute
 * totals are exact, so the rows are fitted to them: the parts then always add up to the whole.
 */
export function apportion<T extends { reports: number }>(rows: readonly T[], total: number): T[] {
  const sum = rows.reduce((s, r) => s + r.reports, 0);
  if (sum === total || sum === 0) return [...rows];
  const scaled = rows.map((r) => ({ row: r, exact: (r.reports * total) / sum }));
  const out = scaled.map(({ row, exact }) => ({ ...row, reports: Math.floor(exact) }));
  let left = total - out.reduce((s, r) => s + r.reports, 0);
  const order = scaled.map((x, i) => ({ i, frac: x.exact - Math.floor(x.exact) })).sort((a, b) => b.frac - a.frac);
  for (const { i } of order) {
    if (left <= 0) break;
    out[i]!.reports++;
    left--;
  }
  return out.filter((r) => r.reports > 0);
}
