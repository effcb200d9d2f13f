import { describe, expect, it } from "vitest";
import type { Aggregator } from "../../src/aggregator/index.js";
import { createAggregator, restoreAggregator } from "../../src/aggregator/index.js";
import { feedMinutes, history, MIN, report, T0 } from "./helpers.js";

const wave = (m: number) => (m >= 10 && m < 40 ? 30 + m : m % 3);

function answers(agg: Aggregator, at: number) {
  return {
    verdict: agg.verdict("svc", at),
    since: agg.since("svc", at),
    regions: agg.regionCounts("svc", 60, at),
    problems: agg.problemCounts("svc", 60, at),
    incident: agg.incident("svc", at),
    series: agg.series("svc", at - 120 * MIN, at, 5 * MIN),
  };
}

describe("snapshot and restore", () => {
  it("restores mid-outage from JSON with no counts lost and identical answers", () => {
    const a = createAggregator();
    history(a, 30, 6);
    a.tick(T0);
    feedMinutes(a, 0, 25, wave, { region: "US" });
    const json = JSON.stringify(a.snapshot());
    const b = restoreAggregator(JSON.parse(json));
    expect(answers(b, T0 + 25 * MIN)).toEqual(answers(a, T0 + 25 * MIN));
    expect(b.stats()).toEqual(a.stats());
  });

  it("continues after a restore exactly as without one", () => {
    const a = createAggregator();
    const b0 = createAggregator();
    for (const agg of [a, b0]) {
      history(agg, 30, 6);
      agg.tick(T0);
    }
    // Same reporters in both so dedupe decisions can be compared.
    const feed = (agg: Aggregator, from: number, to: number) => {
      const events = [];
      for (let m = from; m < to; m++) {
        for (let i = 0; i < wave(m); i++) {
          agg.ingest(report({ reporterHash: `p${i % 25}`, at: T0 + m * MIN + i * 100, region: i % 2 ? "US" : "GB" }));
        }
        events.push(...agg.tick(T0 + (m + 1) * MIN));
      }
      return events;
    };
    const straight = [...feed(a, 0, 25), ...feed(a, 25, 90)];
    const before = feed(b0, 0, 25);
    const b = restoreAggregator(JSON.parse(JSON.stringify(b0.snapshot())));
    const after = feed(b, 25, 90);
    expect([...before, ...after]).toEqual(straight);
    expect(answers(b, T0 + 90 * MIN)).toEqual(answers(a, T0 + 90 * MIN));
    expect(b.incidents({ state: "recent", at: T0 + 90 * MIN })).toEqual(
      a.incidents({ state: "recent", at: T0 + 90 * MIN }),
    );
  });

  it("keeps dedupe memory across a restore", () => {
    const a = createAggregator();
    a.ingest(report({ reporterHash: "r1", at: T0 }));
    const b = restoreAggregator(JSON.parse(JSON.stringify(a.snapshot())));
    expect(b.ingest(report({ reporterHash: "r1", at: T0 + MIN }))).toMatchObject({ reason: "duplicate" });
  });

  it("returns only changed services when asked, to persist one key per service", () => {
    const a = createAggregator();
    a.ingest(report({ serviceId: "one", at: T0 }));
    a.ingest(report({ serviceId: "two", at: T0 }));
    expect(
      a
        .snapshot()
        .services.map((s) => s.id)
        .sort(),
    ).toEqual(["one", "two"]);
    a.ingest(report({ serviceId: "two", at: T0 + MIN }));
    expect(a.snapshot({ onlyChanged: true }).services.map((s) => s.id)).toEqual(["two"]);
    expect(a.snapshot({ onlyChanged: true }).services).toEqual([]);
  });

  it("refuses a corrupt snapshot with an error naming the field", () => {
    const a = createAggregator();
    a.ingest(report({ at: T0 }));
    const snap = JSON.parse(JSON.stringify(a.snapshot()));
    expect(() => restoreAggregator({ ...snap, version: 99 })).toThrow(/version/);
    snap.services[0].minutes = "AAAA";
    expect(() => restoreAggregator(snap)).toThrow(/service svc minutes has an unknown encoding/);
    snap.services[0].minutes = "u8:AAAA";
    expect(() => restoreAggregator(snap)).toThrow(/service svc minutes has 3 bytes, expected 1440/);
    expect(() => restoreAggregator("garbage")).toThrow(/aggregator snapshot is invalid/);
  });
});
