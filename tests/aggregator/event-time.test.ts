import { describe, expect, it } from "vitest";
import { createAggregator } from "../../src/aggregator/index.js";
import { feedMinutes, HOUR, history, MIN, report, T0 } from "./helpers.js";

describe("event time", () => {
  it("opens an incident when a late batch raises minutes that were already evaluated", () => {
    const agg = createAggregator();
    history(agg, 30, 60);
    feedMinutes(agg, 0, 120, () => 1);
    // The outage's reports for minutes 110-119 arrive only now, in one batch.
    for (let m = 110; m < 120; m++) {
      for (let i = 0; i < 60; i++) agg.ingest(report({ at: T0 + m * MIN + i * 1000, originHash: `g${i % 30}` }));
    }
    const events = agg.tick(T0 + 120 * MIN);
    const at = T0 + 120 * MIN - 1;
    expect(agg.verdict("svc", at).level).not.toBe("operational");
    expect(events.map((e) => e.kind)).toContain("opened");
    expect(agg.incident("svc", at)).toMatchObject({ startedAt: T0 + 110 * MIN, resolvedAt: null });
  });

  it("settles a busy flat service that starts cold into operational within the hour, for good", () => {
    const agg = createAggregator();
    const events = feedMinutes(agg, 0, 20 * 60, () => 6);
    const at = T0 + 20 * 60 * MIN;
    expect(agg.verdict("svc", at).level).toBe("operational");
    expect(agg.incident("svc", at)).toBeNull();
    const lastEvent = events.at(-1);
    if (lastEvent !== undefined) expect(lastEvent.at).toBeLessThanOrEqual(T0 + 2 * HOUR);
  });

  it("says there is little history yet until two weeks of this hour exist", () => {
    const agg = createAggregator();
    history(agg, 30, 20);
    const v = agg.verdict("svc", T0 + 5 * MIN);
    expect(v.littleHistory).toBe(true);
    expect(v.reason).toMatch(/little history yet/i);
    history(agg, 24 * 15, 20);
    expect(agg.verdict("svc", T0 + 5 * MIN).littleHistory).toBe(false);
  });

  it("evaluates an import of past days in the data's own time, whatever the clock says", () => {
    const agg = createAggregator();
    const past = T0 - 40 * 24 * HOUR;
    for (let m = 0; m < 240; m++) {
      const n = m >= 200 && m < 215 ? 40 : 1;
      for (let i = 0; i < n; i++) agg.ingest(report({ at: past + m * MIN + i * 1000 }), T0);
    }
    agg.tick(T0);
    const inc = agg.incidents({ state: "recent", at: past + 240 * MIN });
    expect(inc).toHaveLength(1);
    expect(inc[0]).toMatchObject({ startedAt: past + 200 * MIN });
    expect(inc[0]?.resolvedAt).not.toBeNull();
  });

  it("holds back a flood of repeated presses from 20 accounts of one server, in whatever order they come", () => {
    const agg = createAggregator();
    history(agg, 30, 60);
    // 300 presses over 5 minutes, shuffled: most are refused as duplicates, and the rest held back.
    const presses = Array.from({ length: 300 }, (_, i) => ({ i, at: T0 + ((i * 7919) % 300) * 1000 }));
    for (const p of presses)
      agg.ingest(report({ at: p.at, reporterHash: `flooder-${p.i % 20}`, originHash: "one-server" }));
    agg.tick(T0 + 6 * MIN);
    const v = agg.verdict("svc", T0 + 6 * MIN);
    expect(v.level).toBe("operational");
    expect(v.suspected).toEqual([{ reason: expect.stringMatching(/suspected raid/), reports: 20 }]);
  });

  it("holds nothing back when a normal day is imported, in any order", () => {
    const agg = createAggregator();
    const day = Array.from({ length: 24 * 60 * 2 }, (_, i) => T0 + ((i * 7919) % (24 * 60 * 2)) * 30_000);
    for (const [i, at] of day.entries()) agg.ingest(report({ at, originHash: `server-${i % 40}` }));
    agg.tick(T0 + 25 * HOUR);
    for (let h = 1; h <= 24; h++) expect(agg.verdict("svc", T0 + h * HOUR).suspected).toEqual([]);
  });
});
