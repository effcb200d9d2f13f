const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

const pad = (n: number): string => String(n).padStart(2, "0");

/** "Mon 14:00" in UTC. */
export function formatDayTime(at: number): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return "?";
  return `${DAYS[d.getUTCDay()]} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** "Mon 26 Nov" in UTC. */
export function formatDay(at: number): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return "?";
  return `${DAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
}

/** A count people read at a glance: 950, 1,234, 12.3k, 4.5M; exponent form past 10^15. */
export function formatCount(value: number): string {
  if (!Number.isFinite(value)) return "?";
  const abs = Math.abs(value);
  if (abs >= 1e15) return value.toExponential(1);
  if (abs >= 1e9) return `${trim(value / 1e9)}B`;
  if (abs >= 1e6) return `${trim(value / 1e6)}M`;
  if (abs >= 1e4) return `${trim(value / 1e3)}k`;
  const rounded = abs >= 10 ? Math.round(value) : Math.round(value * 10) / 10;
  return rounded.toLocaleString("en-US");
}

function trim(value: number): string {
  return (Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 10) / 10).toString();
}

/** "+340%", "−20%", "usual" (within ±10%), or "new" when nothing is usually seen. */
export function formatChange(reports: number, usual: number): string {
  if (!(usual > 0) || !Number.isFinite(usual)) return reports > 0 ? "new" : "—";
  const change = (reports - usual) / usual;
  if (!Number.isFinite(change)) return "?";
  if (Math.abs(change) < 0.1) return "usual";
  const pct = Math.round(change * 100);
  const digits = Math.abs(pct) >= 100_000 ? formatCount(Math.abs(pct)) : Math.abs(pct).toLocaleString("en-US");
  return `${pct > 0 ? "+" : "−"}${digits}%`;
}

/** "15 min", "1 h", "1 day": the length of one bucket. */
export function formatStep(stepMs: number): string {
  const minutes = Math.round(stepMs / 60_000);
  if (minutes < 60) return `${Math.max(1, minutes)} min`;
  if (minutes < 1440) return `${Math.round(minutes / 60)} h`;
  return `${Math.round(minutes / 1440)} day`;
}

/** "6 hours", "24 hours", "7 days": the span a chart covers. */
export function formatSpan(spanMs: number): string {
  const hours = Math.round(spanMs / 3_600_000);
  if (hours <= 72) return `${Math.max(1, hours)} hour${hours === 1 ? "" : "s"}`;
  const days = Math.round(hours / 24);
  return `${days} days`;
}
