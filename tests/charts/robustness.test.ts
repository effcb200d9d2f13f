import { describe, expect, it } from "vitest";
import { type ChartLogger, createChartRenderer } from "../../src/charts/index.js";
import type { SeriesPoint } from "../../src/domain/board.js";
import { NOW, quiet, STEP } from "./fixtures.js";
import { decodePng } from "./png.js";

const { regionsChart, statusChart } = createChartRenderer();

const base = { serviceName: "Svc", now: NOW };
const point = (i: number, reports: number, usual = 5): SeriesPoint => ({
  at: NOW - (10 - i) * STEP,
  reports,
  usual,
  level: "operational",
});

function recorder(): ChartLogger & { calls: string[] } {
  const calls: string[] = [];
  return { calls, warn: (_obj, msg) => calls.push(msg) };
}

describe("status chart outcomes", () => {
  it("says no data for an empty series, logging why, without throwing", () => {
    const log = recorder();
    const result = statusChart({ ...base, points: [] }, log);
    expect(result).toMatchObject({ ok: false, kind: "no-data" });
    expect(log.calls).toEqual(["chart not drawn: no data to draw yet"]);
  });

  it("says no data when every count is unreadable", () => {
    const result = statusChart({ ...base, points: [point(1, Number.NaN), point(2, Number.NaN)] });
    expect(result).toMatchObject({ ok: false, kind: "no-data" });
  });

  it("says invalid input for a value that is not chart input", () => {
    const result = statusChart({ serviceName: 42, points: "nope", now: NOW } as never);
    expect(result).toMatchObject({ ok: false, kind: "invalid-input" });
  });

  it.each([
    ["all zeros", Array.from({ length: 10 }, (_, i) => point(i, 0, 0))],
    ["one point", [point(3, 12)]],
    [
      "NaN and Infinity among good counts",
      [point(1, 3), point(2, Number.NaN), point(3, Number.POSITIVE_INFINITY), point(4, 7)],
    ],
    ["negative counts", [point(1, -5), point(2, 4)]],
    ["huge values", [point(1, 1e300, 1e300), point(2, Number.MAX_VALUE)]],
    ["unsorted and duplicated times", [point(5, 4), point(1, 2), point(5, 9), point(3, 1)]],
    ["a non-finite time", [{ at: Number.NaN, reports: 3, usual: 1, level: "operational" as const }, point(2, 4)]],
    [
      "more buckets than pixels",
      Array.from({ length: 20_000 }, (_, i) => ({ ...point(0, i % 9), at: NOW - (20_000 - i) * 60_000 })),
    ],
    ["gaps between buckets", [point(0, 4), point(1, 5), point(7, 9), point(8, 2)]],
  ])("draws a picture for %s", (_name, points) => {
    const result = statusChart({ ...base, points });
    if (!result.ok) throw new Error(result.error);
    const img = decodePng(result.png);
    expect([img.width, img.height]).toEqual([800, 300]);
    expect(result.svg).not.toMatch(/NaN|Infinity/);
  });

  it("draws an incident that started before the chart and a strip span outside it", () => {
    const result = statusChart({
      ...base,
      points: quiet(24, STEP),
      incident: { startedAt: NOW - 30 * 3_600_000, resolvedAt: NOW + 5_000 },
      official: [{ from: NOW + 3_600_000, to: NOW + 7_200_000, state: "maintenance" }],
    });
    expect(result.ok).toBe(true);
  });

  it("drops incident marks and strip spans whose times are not numbers, keeping the chart", () => {
    const result = statusChart({
      ...base,
      points: quiet(24, STEP),
      incident: { startedAt: Date.parse("not a date"), peakAt: Number.NaN },
      official: [
        { from: Number.NaN, to: NOW, state: "outage" },
        { from: NOW - 3_600_000, to: NOW, state: "degraded" },
      ],
    });
    if (!result.ok) throw new Error(result.error);
    expect(result.svg).not.toContain("Started");
    expect(result.svg).not.toContain("st-outage)");
    expect(result.svg).toContain('fill="url(#st-degraded)"');
  });

  it("returns the alt text that describes the chart", () => {
    const result = statusChart({ ...base, points: [point(1, 3), point(2, 40)] });
    expect(result.ok && result.description).toContain("Highest: 40");
  });
});

describe("regions chart outcomes", () => {
  it("says no data when no region has reports", () => {
    const result = regionsChart({
      serviceName: "Svc",
      window: "1h",
      rows: [{ region: "GB", name: "United Kingdom", reports: 0, usual: 3 }],
    });
    expect(result).toMatchObject({ ok: false, kind: "no-data" });
  });

  it("grows taller with more regions and folds the rest into one bar", () => {
    const rows = Array.from({ length: 14 }, (_, i) => ({
      region: `R${i}`,
      name: `Region ${i}`,
      reports: 100 - i,
      usual: 10,
    }));
    const few = regionsChart({ serviceName: "Svc", window: "1h", rows: rows.slice(0, 2) });
    const many = regionsChart({ serviceName: "Svc", window: "1h", rows });
    if (!few.ok || !many.ok) throw new Error("expected pictures");
    expect(decodePng(many.png).height).toBeGreaterThan(decodePng(few.png).height);
    expect(many.description).toContain("7 other regions");
  });

  it("draws rows with unreadable numbers without throwing", () => {
    const result = regionsChart({
      serviceName: "Svc",
      window: "24h",
      rows: [
        { region: "US", name: "United States", reports: 1e300, usual: Number.NaN },
        { region: "DE", name: "Germany", reports: Number.NaN, usual: 4 },
        { region: "FR", name: "France", reports: 3, usual: 0 },
      ],
    });
    expect(result.ok).toBe(true);
  });
});
