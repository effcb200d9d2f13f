import { describe, expect, it } from "vitest";
import { createAggregator, restoreAggregator } from "../../src/aggregator/index.js";
import type { Aggregator } from "../../src/aggregator/types.js";
import { feedMinutes, MIN, report, T0 } from "./helpers.js";

/** A partial outage over minutes 0–5 that has resolved by minute 30 (ticked every minute). */
function afterAPartialOutage(): Aggregator {
  const agg = createAggregator();
  feedMinutes(agg, 0, 6, () => 12);
  feedMinutes(agg, 6, 30, () => 0);
  expect(agg.incident("svc", T0 + 30 * MIN)).toMatchObject({ level: "partial_outage", resolvedAt: T0 + 10 * MIN });
  return agg;
}

/** A major outage's reports for minutes 35–38, counted but not ticked yet (a start-up replay, an import, between ticks). */
function majorReportsWithoutTick(agg: Aggregator): void {
  for (let m = 35; m < 39; m++) for (let i = 0; i < 150; i++) agg.ingest(report({ at: T0 + m * MIN + i * 300 }));
}

describe("an answer does not depend on whether a tick ran since the reports came in", () => {
  it("shows the new major outage, not the earlier partial one, before the tick (the 'Worst' that changed 20 s after start)", () => {
    const agg = afterAPartialOutage();
    majorReportsWithoutTick(agg);
    const at = T0 + 39 * MIN + 20_000;
    const before = agg.incident("svc", at);
    expect(before).toMatchObject({ startedAt: T0 + 35 * MIN, level: "major_outage", resolvedAt: null });
    expect(agg.incidents({ serviceId: "svc", state: "active", at })).toEqual([before]);
    expect(agg.since("svc", at - 20_001)).toBe(T0 + 35 * MIN);

    // The tick that follows announces what the read already showed, once, and changes nothing shown.
    const events = agg.tick(at);
    expect(events.map((e) => [e.kind, e.incident.id])).toEqual([
      ["opened", before!.id],
      ["escalated", before!.id],
    ]);
    expect(agg.incident("svc", at)).toEqual(before);
    expect(agg.tick(at + 5_000)).toEqual([]);
  });

  it("keeps the events a read evaluated ahead of the tick across a snapshot, so a restart still announces them", () => {
    const agg = afterAPartialOutage();
    majorReportsWithoutTick(agg);
    const at = T0 + 39 * MIN + 20_000;
    agg.incident("svc", at);
    const restored = restoreAggregator(JSON.parse(JSON.stringify(agg.snapshot())));
    expect(restored.tick(at).map((e) => e.kind)).toEqual(["opened", "escalated"]);
  });

  it("gives the same incidents read before and after each tick over a whole outage, minute by minute", () => {
    const read = afterAPartialOutage();
    const ticked = afterAPartialOutage();
    const announced: string[][] = [[], []];
    for (let m = 30; m < 80; m++) {
      const n = m >= 35 && m < 45 ? 150 : m >= 45 && m < 50 ? 30 : 0;
      for (const agg of [read, ticked]) for (let i = 0; i < n; i++) agg.ingest(report({ at: T0 + m * MIN + i * 300 }));
      const at = T0 + (m + 1) * MIN + 20_000;
      // One reads before its tick, the other only after: both answer alike, and announce alike.
      const early = read.incidents({ serviceId: "svc", state: "recent", at });
      announced[0]!.push(...read.tick(at).map((e) => `${e.kind} ${e.at}`));
      announced[1]!.push(...ticked.tick(at).map((e) => `${e.kind} ${e.at}`));
      expect(early).toEqual(ticked.incidents({ serviceId: "svc", state: "recent", at }));
    }
    expect(announced[0]).toEqual(announced[1]);
    expect(announced[0]!.map((e) => e.split(" ")[0])).toContain("resolved");
  });
});
