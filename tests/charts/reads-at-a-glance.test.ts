import { describe, expect, it } from "vitest";
import { createAggregator } from "../../src/aggregator/index.js";
import { buildStatusChartSvg } from "../../src/charts/index.js";
import { statusChartWindow } from "../../src/charts/window.js";
import { LEVEL_LABELS } from "../../src/domain/levels.js";
import { feedMinutes, history, MIN, T0 } from "../aggregator/helpers.js";

const HOUR = 60 * MIN;

describe("the status chart's window", () => {
  it("shows 24 hours in 15-minute buckets when nothing began lately", () => {
    const at = T0 + 10 * HOUR + 7 * MIN + 30_000;
    expect(statusChartWindow(at, null)).toEqual({ from: T0 - 13 * HOUR - 45 * MIN, to: at - 30_000, stepMs: 15 * MIN });
  });

  it("zooms to minute buckets from half an hour before an outage that began 20 minutes ago", () => {
    const at = T0 + 10 * HOUR;
    const w = statusChartWindow(at, at - 20 * MIN);
    expect(w.stepMs).toBe(MIN);
    expect(w.to).toBe(at);
    expect(w.to - w.from).toBe(HOUR);
  });

  it("uses 5-minute buckets for an outage that began 2½ hours ago, and the day again past 3 hours", () => {
    const at = T0 + 10 * HOUR;
    expect(statusChartWindow(at, at - 150 * MIN)).toMatchObject({ stepMs: 5 * MIN, from: at - 180 * MIN });
    expect(statusChartWindow(at, at - 200 * MIN).stepMs).toBe(15 * MIN);
  });
});

describe("chart bars and marks", () => {
  it("colours a bucket by the worst level any of its minutes had", () => {
    const agg = createAggregator();
    history(agg, 30, 8);
    // A 4-minute burst that is over by the end of its 15-minute bucket.
    feedMinutes(agg, 0, 30, (m) => (m >= 2 && m < 6 ? 200 : 0));
    const [bucket] = agg.series("svc", T0, T0 + 15 * MIN, 15 * MIN);
    expect(bucket?.level).not.toBe("operational");
  });

  it("names every level it colours bars in, in its key", () => {
    const points = [
      { at: T0, reports: 4, usual: 4, level: "operational" as const },
      { at: T0 + 15 * MIN, reports: 400, usual: 4, level: "major_outage" as const },
      { at: T0 + 30 * MIN, reports: 60, usual: 4, level: "degraded" as const },
    ];
    const svg = buildStatusChartSvg({ serviceName: "X", points, now: T0 + 45 * MIN, stepMs: 15 * MIN });
    for (const level of ["operational", "degraded", "major_outage"] as const)
      expect(svg).toContain(`>${LEVEL_LABELS[level]}<`);
    expect(svg).not.toContain(`>${LEVEL_LABELS.partial_outage}<`);
  });

  it("puts the peak mark at the minute of the peak, never left of the start", () => {
    const points = [0, 1, 2, 3].map((i) => ({
      at: T0 + i * 15 * MIN,
      reports: i === 2 ? 900 : 10,
      usual: 4,
      level: "major_outage" as const,
    }));
    const incident = { startedAt: T0 + 40 * MIN, peakAt: T0 + 44 * MIN, resolvedAt: null };
    const svg = buildStatusChartSvg({ serviceName: "X", points, now: T0 + 60 * MIN, stepMs: 15 * MIN, incident });
    expect(svg).toContain("Peak 900 at Mon 00:44");
    expect(svg).toContain("Started Mon 00:40");
  });
});
