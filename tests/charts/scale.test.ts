import { describe, expect, it } from "vitest";
import { formatDay, formatDayTime, formatSpan, formatStep } from "../../src/charts/format.js";
import { niceTicks, timeTicks } from "../../src/charts/scale.js";
import { usualBand } from "../../src/charts/series.js";
import { compareToUsual, formatCompact } from "../../src/domain/format.js";

describe("nice y ticks", () => {
  it.each([
    [0, 4, 1],
    [3, 3, 1],
    [22, 30, 10],
    [249 * 1.12, 300, 100],
    [1234, 1500, 500],
    [Number.NaN, 4, 1],
    [-5, 4, 1],
    [1e300, 1e300, 2.5e299],
  ])("a maximum of %d gets a top of %d in steps of %d", (max, top, step) => {
    const ticks = niceTicks(max);
    expect(ticks.top / top).toBeCloseTo(1, 9);
    expect(ticks.step / step).toBeCloseTo(1, 9);
    expect(ticks.top).toBeGreaterThanOrEqual(Number.isFinite(max) && max > 0 ? Math.min(max, 1e300) * 0.999 : 0);
  });
});

describe("UTC time ticks", () => {
  const from = Date.UTC(2026, 10, 25, 12, 0);
  it.each([
    [6, 6, 3_600_000],
    [24, 9, 3 * 3_600_000],
    [168, 9, 86_400_000],
  ])("%d hours across %d ticks step by %d ms, aligned to UTC", (hours, max, step) => {
    const result = timeTicks(from, from + hours * 3_600_000, max);
    expect(result.step).toBe(step);
    expect(result.ticks.length).toBeLessThanOrEqual(max + 1);
    for (const t of result.ticks) expect(t % step).toBe(0);
  });
});

describe("formatting", () => {
  it.each([
    [Date.UTC(2026, 10, 23, 14, 0), "Mon 14:00", "Mon 23 Nov"],
    [Date.UTC(2026, 10, 26, 0, 5), "Thu 00:05", "Thu 26 Nov"],
    [Number.NaN, "?", "?"],
  ])("%d reads %s and %s", (at, dayTime, day) => {
    expect(formatDayTime(at)).toBe(dayTime);
    expect(formatDay(at)).toBe(day);
  });

  it.each([
    [0, "0"],
    [2.44, "2.4"],
    [950, "950"],
    [1234, "1,234"],
    [12_345, "12.3k"],
    [4_500_000, "4.5M"],
    [1e300, "1.0e+300"],
    [Number.NaN, "?"],
  ])("count %d reads %s", (n, text) => {
    expect(formatCompact(n)).toBe(text);
  });

  it.each([
    [440, 100, "4.4×"],
    [88_067, 100, "881×"],
    [150, 100, "+50%"],
    [50, 100, "-50%"],
    [105, 100, "usual"],
    [12, 0, "new"],
    [0, 0, "—"],
    [1e15, 1, "1,000,000,000,000,000×"],
  ])("%d reports against a usual %d read %s, as the text answers word it", (reports, usual, text) => {
    expect(compareToUsual(reports, usual)).toBe(text);
  });

  it.each([
    [15 * 60_000, "15 min"],
    [3_600_000, "1 h"],
    [86_400_000, "1 day"],
  ])("a step of %d ms reads %s", (ms, text) => {
    expect(formatStep(ms)).toBe(text);
  });

  it.each([
    [6 * 3_600_000, "6 hours"],
    [24 * 3_600_000, "24 hours"],
    [7 * 86_400_000, "7 days"],
  ])("a span of %d ms reads %s", (ms, text) => {
    expect(formatSpan(ms)).toBe(text);
  });
});

describe("usual band", () => {
  it.each([
    [0, 0, 0],
    [1, 0, 3],
    [100, 80, 120],
    [Number.NaN, 0, 0],
  ])("around a usual %d runs from %d to %d", (usual, low, high) => {
    expect(usualBand(usual)).toEqual({ low, high });
  });
});
