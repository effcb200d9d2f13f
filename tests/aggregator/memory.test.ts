import { describe, expect, it } from "vitest";
import { createAggregator } from "../../src/aggregator/index.js";
import { HOUR_SLOTS, MINUTE_SLOTS, ServiceCounts } from "../../src/aggregator/service-counts.js";
import { HOUR, MIN, report, T0 } from "./helpers.js";

describe("bounded memory", () => {
  it("stops counting reports older than 24 hours as the rings wrap", () => {
    const agg = createAggregator();
    agg.ingest(report({ at: T0, region: "JP", problem: "login" }));
    expect(agg.regionCounts("svc", 1440, T0 + HOUR)).toEqual([{ region: "JP", reports: 1 }]);
    const later = T0 + 25 * HOUR;
    agg.ingest(report({ at: later }));
    expect(agg.regionCounts("svc", 1440, later).map((r) => r.region)).toEqual(["GB"]);
    expect(agg.problemCounts("svc", 1440, later).map((p) => p.problem)).toEqual(["app"]);
    const lastDay = agg.series("svc", later - 24 * HOUR + MIN, later + MIN, HOUR);
    expect(lastDay.reduce((s, p) => s + p.reports, 0)).toBe(1);
    // The ring slot of the first report's minute now holds a newer minute, counted alone.
    agg.ingest(report({ at: T0 + 24 * HOUR }));
    expect(agg.verdict("svc", T0 + 24 * HOUR).last5).toBe(1);
  });

  it("keeps hourly totals for 28 days and drops them after", () => {
    const c = new ServiceCounts("svc");
    const m0 = T0 / MIN;
    c.add(m0, "GB", 0);
    c.add(m0 + 27 * 24 * 60, "GB", 0);
    expect(c.hour(m0 / 60)).toBe(1);
    c.add(m0 + 28 * 24 * 60 + 60, "GB", 0);
    expect(c.hour(m0 / 60)).toBeUndefined();
  });

  it("uses the same fixed-size arrays however many reports arrive over however long", () => {
    const c = new ServiceCounts("svc");
    const m0 = T0 / MIN;
    for (let m = 0; m < 40 * 24 * 60; m += 7) c.add(m0 + m, m % 2 ? "GB" : "US", m % 7);
    expect(c.minutes.length).toBe(MINUTE_SLOTS);
    expect(c.hours.length).toBe(HOUR_SLOTS);
    expect(c.regionCodes).toEqual(["US", "GB"]);
    expect(c.minute(m0)).toBe(0);
  });

  it("forgets a service's resolved incidents 28 days after its newer reports", () => {
    const agg = createAggregator();
    for (let m = 0; m < 20; m++) {
      for (let i = 0; i < 40; i++) agg.ingest(report({ at: T0 + m * MIN + i * 1000 }));
      agg.tick(T0 + (m + 1) * MIN);
    }
    agg.tick(T0 + 2 * HOUR);
    expect(agg.incidents({ state: "recent", at: T0 + 2 * HOUR })).toHaveLength(1);
    agg.ingest(report({ at: T0 + 29 * 24 * HOUR }));
    agg.tick(T0 + 29 * 24 * HOUR + HOUR);
    expect(agg.incidents({ state: "recent", at: T0 + 29 * 24 * HOUR })).toHaveLength(0);
  });
});
