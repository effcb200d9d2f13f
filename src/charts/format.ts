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
