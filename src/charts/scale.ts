/** Y-axis ticks on 1-2-5 steps from 0 to a top at or above `max`. */
export interface NiceTicks {
  top: number;
  step: number;
  ticks: number[];
}

/** Nice ticks for a count axis: integer 1-2-5 steps, about `target` of them; `0..4` when all is zero. */
export function niceTicks(max: number, target = 4): NiceTicks {
  const safeMax = Number.isFinite(max) && max > 0 ? Math.min(max, Number.MAX_VALUE / 10) : 0;
  const raw = Math.max(safeMax / target, 1);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / magnitude;
  const nice =
    fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 && magnitude >= 10 ? 2.5 : fraction <= 5 ? 5 : 10;
  const step = nice * magnitude;
  const count = safeMax === 0 ? target : Math.max(1, Math.ceil(safeMax / step - 1e-9));
  const ticks = Array.from({ length: count + 1 }, (_, i) => i * step);
  return { top: count * step, step, ticks };
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const TIME_STEPS = [15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY];

/** Time ticks aligned to UTC (epoch multiples), at most `maxTicks` across [from, to]. */
export function timeTicks(from: number, to: number, maxTicks: number): { step: number; ticks: number[] } {
  const span = Math.max(to - from, MINUTE);
  const step = TIME_STEPS.find((s) => span / s <= Math.max(maxTicks, 1)) ?? Math.ceil(span / maxTicks / DAY) * DAY;
  const ticks: number[] = [];
  for (let t = Math.ceil(from / step) * step; t <= to && ticks.length <= maxTicks; t += step) ticks.push(t);
  return { step, ticks };
}

/** Linear map from a domain to a pixel range; degenerate domains map to the range start. */
export function linear(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  const span = d1 - d0;
  if (!(span > 0) || !Number.isFinite(span)) return () => r0;
  return (v) => r0 + ((v - d0) / span) * (r1 - r0);
}
