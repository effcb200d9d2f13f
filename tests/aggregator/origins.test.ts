import { describe, expect, it } from "vitest";
import { createAggregator, restoreAggregator } from "../../src/aggregator/index.js";
import { HOUR, MIN, report, T0 } from "./helpers.js";

describe("distinct origins", () => {
  it("counts each origin once over the last hour however many reports it sent", () => {
    const agg = createAggregator();
    for (let i = 0; i < 30; i++) agg.ingest(report({ originHash: `guild-${i % 3}`, at: T0 + i * MIN }));
    expect(agg.verdict("svc", T0 + 30 * MIN).originsHour).toBe(3);
  });

  it("drops an origin from the count an hour after it last reported", () => {
    const agg = createAggregator();
    agg.ingest(report({ originHash: "old", at: T0 }));
    agg.ingest(report({ originHash: "new", at: T0 + 30 * MIN }));
    expect(agg.verdict("svc", T0 + 59 * MIN).originsHour).toBe(2);
    agg.ingest(report({ originHash: "new", at: T0 + 61 * MIN }));
    expect(agg.verdict("svc", T0 + 61 * MIN).originsHour).toBe(1);
    agg.ingest(report({ originHash: "new", at: T0 + 3 * HOUR }));
    expect(agg.verdict("svc", T0 + 3 * HOUR).originsHour).toBe(1);
  });

  it("keeps the origin count across a snapshot round trip", () => {
    const agg = createAggregator();
    for (let i = 0; i < 10; i++) agg.ingest(report({ originHash: `g${i % 4}`, at: T0 + i * MIN }));
    const copy = restoreAggregator(JSON.parse(JSON.stringify(agg.snapshot())));
    copy.ingest(report({ originHash: "g1", at: T0 + 11 * MIN }));
    copy.ingest(report({ originHash: "g9", at: T0 + 11 * MIN }));
    expect(copy.verdict("svc", T0 + 11 * MIN).originsHour).toBe(5);
  });
});
