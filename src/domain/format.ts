/**
 * The one place numbers become words: counts, "× usual", shares and durations, for every surface
 * (embed, console, chart, JSON page, alerts). No Intl: the same output on every machine.
 */

/** 41230 → "41,230". */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return "?";
  const s = String(Math.round(Math.abs(n)));
  return `${n < 0 ? "-" : ""}${s.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}`;
}

/** A ratio for people: one decimal below 10, whole numbers with separators above: "2.5", "3,158". */
export function formatRatio(r: number): string {
  return r < 10 ? String(Math.round(r * 10) / 10) : formatCount(r);
}

/** "3,158×". */
export function formatTimes(r: number): string {
  return `${formatRatio(r)}×`;
}

/**
 * How `reports` compares with `usual` for the same window: "881×" from twice the usual up,
 * "+35%" / "-10%" / "usual" below that, "new" when usually none. Text and charts both use it.
 */
export function compareToUsual(reports: number, usual: number): string {
  if (!(usual > 0) || !Number.isFinite(usual)) return reports > 0 ? "new" : "—";
  const ratio = reports / usual;
  if (ratio >= 2) return formatTimes(ratio);
  const delta = Math.round((ratio - 1) * 100);
  if (Math.abs(delta) < 10) return "usual";
  return `${delta > 0 ? "+" : "-"}${Math.abs(delta)}%`;
}

/** A count people read at a glance on a chart axis: 950, 1,234, 12.3k, 4.5M. */
export function formatCompact(value: number): string {
  if (!Number.isFinite(value)) return "?";
  const abs = Math.abs(value);
  const trim = (v: number) => (Math.abs(v) >= 100 ? Math.round(v) : Math.round(v * 10) / 10).toString();
  if (abs >= 1e15) return value.toExponential(1);
  if (abs >= 1e9) return `${trim(value / 1e9)}B`;
  if (abs >= 1e6) return `${trim(value / 1e6)}M`;
  if (abs >= 1e4) return `${trim(value / 1e3)}k`;
  return abs >= 10 ? formatCount(value) : String(Math.round(value * 10) / 10);
}

/** 0.4123 → "41%"; below 1% one decimal; a share too small to show but not nothing is "<0.1%". */
export function formatShare(share: number, reports?: number): string {
  const p = share * 100;
  if ((p > 0 && p < 0.1) || (p === 0 && (reports ?? 0) > 0)) return "<0.1%";
  if (p > 0 && p < 1) return `${p.toFixed(1)}%`;
  return `${Math.round(p)}%`;
}

/** "1 report", "2,500 reports". */
export function reportsText(n: number): string {
  return `${formatCount(n)} report${Math.round(n) === 1 ? "" : "s"}`;
}

/** A rate rounded for display and JSON: one decimal. */
export function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
