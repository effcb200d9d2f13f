import { describe, expect, it } from "vitest";
import { createAggregator } from "../../src/aggregator/index.js";
import { MIN, report, T0 } from "./helpers.js";

describe("aggregator intake: dedupe, rate limit, time bounds", () => {
  it("counts one reporter once per service within 15 minutes", () => {
    const agg = createAggregator();
    expect(agg.ingest(report({ reporterHash: "r1", at: T0 }))).toEqual({ accepted: true });
    const again = agg.ingest(report({ reporterHash: "r1", at: T0 + 14 * MIN }));
    expect(again).toMatchObject({ accepted: false, reason: "duplicate" });
    expect(agg.verdict("svc", T0 + 14 * MIN).last15).toBe(1);
  });

  it("counts the same reporter again after 15 minutes", () => {
    const agg = createAggregator();
    agg.ingest(report({ reporterHash: "r1", at: T0 }));
    expect(agg.ingest(report({ reporterHash: "r1", at: T0 + 15 * MIN })).accepted).toBe(true);
  });

  it("counts the same reporter for a different service", () => {
    const agg = createAggregator();
    agg.ingest(report({ reporterHash: "r1", serviceId: "a" }));
    expect(agg.ingest(report({ reporterHash: "r1", serviceId: "b" })).accepted).toBe(true);
  });

  it("rate-limits one reporter to 10 accepted reports per 15 minutes across services", () => {
    const agg = createAggregator();
    const results = Array.from({ length: 12 }, (_, i) =>
      agg.ingest(report({ reporterHash: "flooder", serviceId: `s${i}`, at: T0 + i * 1000 })),
    );
    expect(results.filter((r) => r.accepted)).toHaveLength(10);
    expect(results[10]).toMatchObject({ accepted: false, reason: "rate_limited" });
    expect(agg.ingest(report({ reporterHash: "flooder", serviceId: "s99", at: T0 + 16 * MIN })).accepted).toBe(true);
  });

  it("rejects a report more than a minute in the future of now", () => {
    const agg = createAggregator();
    expect(agg.ingest(report({ at: T0 + 61_000 }), T0)).toMatchObject({ accepted: false, reason: "in_future" });
    expect(agg.ingest(report({ at: T0 + 59_000 }), T0).accepted).toBe(true);
  });

  it("rejects a report more than 28 days older than the service's newest report", () => {
    const agg = createAggregator();
    agg.ingest(report({ at: T0 }));
    const old = agg.ingest(report({ at: T0 - 29 * 24 * 60 * MIN }));
    expect(old).toMatchObject({ accepted: false, reason: "too_old" });
    expect(old.accepted === false && old.message).toMatch(/28 days/);
  });

  it("accepts history weeks older than the wall clock and counts it in its hour", () => {
    const agg = createAggregator();
    agg.tick(T0 + 48 * 60 * MIN);
    expect(agg.ingest(report({ at: T0 - 21 * 24 * 60 * MIN }), T0 + 48 * 60 * MIN)).toEqual({ accepted: true });
    agg.ingest(report({ at: T0 }));
    expect(agg.series("svc", T0 - 21 * 24 * 60 * MIN, T0 - 21 * 24 * 60 * MIN + 60 * MIN, 60 * MIN)[0]?.reports).toBe(
      1,
    );
  });

  it("rejects a report with a time that is not a number", () => {
    const agg = createAggregator();
    expect(agg.ingest(report({ at: Number.NaN }))).toMatchObject({ accepted: false, reason: "invalid" });
  });

  it("forgets reporters after the window so memory stays bounded", () => {
    const agg = createAggregator();
    for (let i = 0; i < 1000; i++) agg.ingest(report({ at: T0 }));
    expect(agg.stats().reporters).toBe(1000);
    agg.tick(T0 + 60 * MIN);
    expect(agg.stats().reporters).toBe(0);
  });

  it("keeps counts of accepted and rejected reports by reason", () => {
    const agg = createAggregator();
    agg.ingest(report({ reporterHash: "r1" }));
    agg.ingest(report({ reporterHash: "r1" }));
    expect(agg.stats().counters).toEqual({ accepted: 1, rejected: { duplicate: 1 } });
  });
});
