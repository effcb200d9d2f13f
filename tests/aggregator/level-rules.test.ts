import { describe, expect, it } from "vitest";
import {
  accountWeightUnits,
  BASELINE_FLOOR_PER_HOUR,
  computeBaseline,
  createAggregator,
  isElevatedMinute,
  LEVEL_THRESHOLDS,
  levelForWindow,
  levelFromRates,
} from "../../src/aggregator/index.js";
import { ServiceCounts } from "../../src/aggregator/service-counts.js";
import { HOUR, history, MIN, report, T0 } from "./helpers.js";

describe("level rules", () => {
  // reports in 15 min, usual reports in 15 min, expected level
  it.each([
    [0, 0.5, "operational"],
    [9, 0.5, "operational"], // 18× the usual but below the absolute minimum of 10
    [10, 0.5, "degraded"],
    [29, 10, "operational"], // 2.9×
    [30, 10, "degraded"], // 3×
    [49, 1, "degraded"], // 49× but fewer than 50
    [50, 5, "partial_outage"], // 10×, 50
    [299, 1, "partial_outage"], // 299× but fewer than 300
    [300, 7.5, "major_outage"], // 40×, 300
    [300, 7.6, "partial_outage"], // 39.5×
    [10_000, 100, "major_outage"], // 100×
  ] as const)("%i reports against %f usual → %s", (reports, expected, level) => {
    expect(levelForWindow(reports, expected)).toBe(level);
  });

  it("states the thresholds worst first with rising minimums", () => {
    expect(LEVEL_THRESHOLDS.map((r) => r.level)).toEqual(["major_outage", "partial_outage", "degraded"]);
    expect(LEVEL_THRESHOLDS.map((r) => r.minReports15m)).toEqual([300, 50, 10]);
    expect(LEVEL_THRESHOLDS.map((r) => r.minRatio)).toEqual([40, 10, 3]);
  });

  it("takes the lower of the 15-minute and scaled 5-minute levels, so a fall shows quickly", () => {
    // 400 reports in 15 min but none in the last 5: the burst is over.
    expect(levelFromRates({ last15: 400, last5: 0, baselineHour: 10 })).toBe("operational");
    expect(levelFromRates({ last15: 400, last5: 150, baselineHour: 10 })).toBe("major_outage");
    expect(levelFromRates({ last15: 400, last5: 20, baselineHour: 10 })).toBe("partial_outage");
  });

  // distinct origins in the last hour, level the same rates give
  it.each([
    [1, "degraded"],
    [4, "degraded"],
    [5, "partial_outage"],
    [14, "partial_outage"],
    [15, "major_outage"],
  ] as const)("caps a major outage's rates at the level %i origins allow: %s", (origins, level) => {
    expect(levelFromRates({ last15: 400, last5: 150, baselineHour: 10, origins })).toBe(level);
  });

  it.each([
    [null, 4],
    [30 * 24 * HOUR, 4],
    [7 * 24 * HOUR, 4],
    [7 * 24 * HOUR - 1, 2],
    [24 * HOUR, 2],
    [24 * HOUR - 1, 1],
    [-HOUR, 1],
  ] as const)("weighs an account of age %s at %i quarter reports", (age, units) => {
    expect(accountWeightUnits(age === null ? null : T0 - age, T0)).toBe(units);
  });

  it("never lets the usual rate fall below the floor, so 3 reports do not alert", () => {
    expect(levelFromRates({ last15: 3, last5: 3, baselineHour: 0 })).toBe("operational");
    expect(levelFromRates({ last15: 12, last5: 12, baselineHour: 0 })).toBe("degraded");
  });

  it("treats a minute as elevated only from 2 reports and 3× the usual per minute", () => {
    expect(isElevatedMinute(1, 0)).toBe(false);
    expect(isElevatedMinute(2, 0)).toBe(true);
    expect(isElevatedMinute(2, 60)).toBe(false);
    expect(isElevatedMinute(3, 60)).toBe(true);
  });
});

describe("baseline", () => {
  it("is the floor for a service with no history", () => {
    const agg = createAggregator();
    expect(agg.verdict("nothing", T0).baselineHour).toBe(BASELINE_FLOOR_PER_HOUR);
    agg.ingest(report({ at: T0 }));
    expect(agg.verdict("svc", T0).baselineHour).toBe(BASELINE_FLOOR_PER_HOUR);
  });

  it("is the floor for a service whose history is quieter than the floor", () => {
    const agg = createAggregator();
    history(agg, 30, 1);
    expect(agg.verdict("svc", T0).baselineHour).toBe(BASELINE_FLOOR_PER_HOUR);
  });

  it("learns the median of recent hours while weekly history is short", () => {
    const agg = createAggregator();
    history(agg, 30, 40);
    expect(agg.verdict("svc", T0 + 5 * MIN).baselineHour).toBe(40);
  });

  it("uses the same hour of past weeks once two weeks of history exist", () => {
    const c = new ServiceCounts("svc");
    const h0 = Math.floor(T0 / HOUR);
    // Three weeks of 10 per hour, except 100 at the hour of the week being asked about.
    for (let h = h0 - 3 * 168; h < h0; h++) {
      const n = (h0 - h) % 168 === 0 ? 100 : 10;
      for (let i = 0; i < n; i++) c.add(h * 60 + (i % 60), "GB", 0);
    }
    expect(computeBaseline(c, h0).perHour).toBe(100);
    expect(computeBaseline(c, h0 + 1).perHour).toBe(10);
  });

  it("blends one past week half and half with the recent median", () => {
    const c = new ServiceCounts("svc");
    const h0 = Math.floor(T0 / HOUR);
    for (let h = h0 - 168; h < h0; h++) {
      const n = h === h0 - 168 ? 60 : 20;
      for (let i = 0; i < n; i++) c.add(h * 60 + (i % 60), "GB", 0);
    }
    expect(computeBaseline(c, h0).perHour).toBe(40);
  });

  it("outvotes an incident shorter than half of the recent day: its hours do not raise the usual", () => {
    const c = new ServiceCounts("svc");
    const h0 = Math.floor(T0 / HOUR);
    for (let h = h0 - 24; h < h0; h++) {
      const n = h >= h0 - 6 ? 1000 : 20;
      for (let i = 0; i < n; i++) c.add(h * 60 + (i % 60), "GB", 0);
    }
    for (let h = h0 - 6; h < h0; h++) c.flag(h);
    expect(computeBaseline(c, h0).perHour).toBe(20);
  });

  it("takes a rate that lasted most of the recent day as the usual, even if it was called an incident", () => {
    const c = new ServiceCounts("svc");
    const h0 = Math.floor(T0 / HOUR);
    for (let h = h0 - 24; h < h0; h++) {
      const n = h >= h0 - 14 ? 1000 : 20;
      for (let i = 0; i < n; i++) c.add(h * 60 + (i % 60), "GB", 0);
    }
    for (let h = h0 - 14; h < h0; h++) c.flag(h);
    expect(computeBaseline(c, h0).perHour).toBe(1000);
  });

  it("takes the lower of two weekly samples, so last week's outage at this hour does not hide this week's", () => {
    const c = new ServiceCounts("svc");
    const h0 = Math.floor(T0 / HOUR);
    for (let h = h0 - 2 * 168; h < h0; h++) {
      const n = h === h0 - 168 ? 900 : 30;
      for (let i = 0; i < n; i++) c.add(h * 60 + (i % 60), "GB", 0);
    }
    expect(computeBaseline(c, h0)).toEqual({ perHour: 30, weeks: 2 });
  });

  it("explains the level in words with the count, the ratio and the hour of the week", () => {
    const agg = createAggregator();
    // Two weeks of this hour: the usual is known (8 an hour).
    history(agg, 2 * 168, 8);
    for (let i = 0; i < 600; i++) agg.ingest(report({ at: T0 + (i % 10) * MIN }));
    const v = agg.verdict("svc", T0 + 10 * MIN);
    expect(v.level).toBe("major_outage");
    expect(v.littleHistory).toBe(false);
    expect(v.reason).toBe(
      "600 reports in the last 15 min, 300× the usual for Monday 00:00 UTC (606 in the last hour).",
    );
  });

  it("quotes no ratio with little history: the usual is only a guess", () => {
    const agg = createAggregator();
    history(agg, 30, 8);
    for (let i = 0; i < 600; i++) agg.ingest(report({ at: T0 + (i % 10) * MIN }));
    const v = agg.verdict("svc", T0 + 10 * MIN);
    expect(v.level).toBe("major_outage");
    expect(v.reason).toBe(
      "600 reports in the last 15 min (606 in the last hour). Little history yet, so there is no usual rate to compare with.",
    );
    expect(v.reason).not.toMatch(/×|usual for/);
  });
});
