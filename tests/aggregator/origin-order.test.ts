import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createAggregator, restoreAggregator } from "../../src/aggregator/index.js";
import type { Aggregator } from "../../src/aggregator/types.js";
import type { CrowdReport } from "../../src/domain/report.js";
import { MIN, report, T0 } from "./helpers.js";

/**
 * Reports from few or many origins (servers) spread over the last hours, each origin well under
 * the per-server cap and the raid rule: their weight is one each in any order, so what the
 * distinct-origin rule counts is all that arrival order could change.
 */
const streamArb = fc.array(
  fc.record({
    minute: fc.integer({ min: 0, max: 150 }),
    origin: fc.integer({ min: 0, max: 40 }),
    count: fc.integer({ min: 1, max: 3 }),
  }),
  { minLength: 1, maxLength: 120 },
);

function reportsOf(stream: { minute: number; origin: number; count: number }[]): CrowdReport[] {
  const out: CrowdReport[] = [];
  for (const { minute, origin, count } of stream)
    for (let i = 0; i < count; i++) out.push(report({ at: T0 + minute * MIN + i * 1000, originHash: `g${origin}` }));
  return out;
}

/** Each minute's verdict, from the first report's minute to an hour after the last. */
function verdicts(agg: Aggregator, to: number) {
  const out = [];
  for (let m = 0; m <= to; m++) {
    const v = agg.verdict("svc", T0 + m * MIN + MIN - 1);
    out.push([m, v.level, v.originsHour, v.last15, v.weighted15]);
  }
  return out;
}

describe("the distinct-origin count is in event time", () => {
  it("gives the same verdict at every minute, and the same incidents, whatever order the same reports arrive in", () => {
    fc.assert(
      fc.property(streamArb, fc.integer({ min: 1, max: 2 ** 31 - 2 }), fc.boolean(), (stream, seed, snap) => {
        const reports = reportsOf(stream);
        const end = T0 + 220 * MIN;
        const inOrder = createAggregator();
        for (const r of [...reports].sort((a, b) => a.at - b.at)) inOrder.ingest(r);
        inOrder.tick(end);

        let s = seed;
        const rand = () => {
          s = (s * 48271) % 2147483647;
          return s / 2147483647;
        };
        const shuffled = [...reports];
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = Math.floor(rand() * (i + 1));
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        let late: Aggregator = createAggregator();
        let clock = T0;
        for (const [i, r] of shuffled.entries()) {
          late.ingest(r);
          clock = Math.max(clock, r.at);
          if (rand() < 0.1) late.tick(clock + MIN);
          // Halfway, a save and restore: what the late reports need must survive it.
          if (snap && i === shuffled.length >> 1) late = restoreAggregator(JSON.parse(JSON.stringify(late.snapshot())));
        }
        late.tick(end);
        expect(verdicts(late, 215)).toEqual(verdicts(inOrder, 215));
        const spans = (agg: Aggregator) =>
          agg
            .incidents({ serviceId: "svc", state: "recent", at: end, limit: 100 })
            .map((i) => [i.startedAt, i.resolvedAt, i.level]);
        expect(spans(late)).toEqual(spans(inOrder));
      }),
      { numRuns: 150 },
    );
  });
});

describe("what late reports need of each origin survives a restart", () => {
  const reload = (agg: Aggregator, options = {}) =>
    restoreAggregator(JSON.parse(JSON.stringify(agg.snapshot())), options);

  it("a burst in an earlier minute, reported late on both sides of a restart, is still one burst", () => {
    const agg = createAggregator();
    agg.ingest(report({ at: T0 + 10 * MIN, originHash: "g" }));
    for (let i = 0; i < 12; i++) agg.ingest(report({ at: T0 + 3 * MIN + i * 1000, originHash: "g" }));
    const bursts: string[] = [];
    const restored = reload(agg, { onSuspicion: (s: { kind: string }) => bursts.push(s.kind) });
    for (let i = 12; i < 20; i++) restored.ingest(report({ at: T0 + 3 * MIN + i * 1000, originHash: "g" }));
    expect(bursts).toEqual(["origin_burst"]);
  });

  it("a server's cap in an earlier quarter hour, filled late on both sides of a restart, still holds", () => {
    const agg = createAggregator();
    agg.ingest(report({ at: T0 + 40 * MIN, originHash: "g" }));
    for (let i = 0; i < 15; i++) agg.ingest(report({ at: T0 + i * MIN, originHash: "g" }));
    const restored = reload(agg);
    for (let i = 0; i < 10; i++) restored.ingest(report({ at: T0 + i * MIN + 30_000, originHash: "g" }));
    const held = restored.verdict("svc", T0 + 40 * MIN).suspected;
    expect(held).toEqual([{ reason: "over the per-server cap", reports: 5 }]);
  });
});
