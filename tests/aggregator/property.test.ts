import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Aggregator } from "../../src/aggregator/index.js";
import { createAggregator, LEVEL_ORDER, maxLevelForOrigins, restoreAggregator } from "../../src/aggregator/index.js";
import { PROBLEMS } from "../../src/domain/problems.js";
import type { CrowdReport } from "../../src/domain/report.js";
import { HOUR, MIN, T0 } from "./helpers.js";

const reportArb: fc.Arbitrary<CrowdReport> = fc.record({
  serviceId: fc.constantFrom("a", "b", "c"),
  region: fc.option(fc.constantFrom("GB", "US", "JP", "ZZ"), { nil: null }),
  regionInferred: fc.boolean(),
  problem: fc.constantFrom(...PROBLEMS),
  at: fc.oneof(
    fc.integer({ min: -3 * HOUR, max: 30 * HOUR }).map((d) => T0 + d),
    fc.constantFrom(Number.NaN, -1, 0, Number.MAX_SAFE_INTEGER, T0 + 0.5),
  ),
  reporterHash: fc.constantFrom("r1", "r2", "r3", "r4", "r5", "r6"),
  originHash: fc.constantFrom("g1", "g2"),
  source: fc.constantFrom("discord", "api", "import"),
  accountCreatedAt: fc.constant(null),
});

type Step = { kind: "report"; report: CrowdReport; count: number } | { kind: "tick"; advance: number };
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant("report" as const),
      report: reportArb,
      count: fc.integer({ min: 1, max: 60 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("tick" as const), advance: fc.integer({ min: 0, max: 3 * HOUR }) }),
  },
);

function checkAnswers(agg: Aggregator, at: number): void {
  for (const id of ["a", "b", "c"]) {
    const v = agg.verdict(id, at);
    for (const n of [v.last5, v.last15, v.lastHour, v.baselineHour, v.ratio]) {
      expect(Number.isFinite(n)).toBe(true);
      expect(n).toBeGreaterThanOrEqual(0);
    }
    expect(v.last5).toBeLessThanOrEqual(v.last15);
    expect(v.last15).toBeLessThanOrEqual(v.lastHour);
    for (const r of agg.regionCounts(id, 1440, at)) expect(r.reports).toBeGreaterThan(0);
    for (const p of agg.problemCounts(id, 60, at)) expect(p.reports).toBeGreaterThan(0);
    for (const p of agg.series(id, at - 6 * HOUR, at, 30 * MIN)) {
      expect(Number.isFinite(p.reports) && p.reports >= 0).toBe(true);
      expect(Number.isFinite(p.usual) && p.usual >= 0).toBe(true);
    }
    for (const inc of agg.incidents({ serviceId: id, state: "recent", at })) {
      expect(inc.totalReports).toBeGreaterThanOrEqual(0);
      expect(inc.peakPerMinute).toBeGreaterThanOrEqual(0);
    }
  }
}

describe("random report streams", () => {
  it("never throw and never produce NaN or negative counts", () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 60 }), (steps) => {
        const agg = createAggregator();
        let now = T0;
        for (const step of steps) {
          if (step.kind === "tick") {
            now += step.advance;
            agg.tick(now);
          } else {
            for (let i = 0; i < step.count; i++) {
              agg.ingest({
                ...step.report,
                reporterHash: `${step.report.reporterHash}-${i % 12}`,
                at: step.report.at + i * 997,
              });
            }
          }
        }
        checkAnswers(agg, now);
        checkAnswers(agg, now + 2 * HOUR);
      }),
      { numRuns: 150 },
    );
  });

  it("give the same answers after a snapshot round trip at any point", () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 30 }), (steps) => {
        const agg = createAggregator();
        let now = T0;
        for (const step of steps) {
          if (step.kind === "tick") {
            now += step.advance;
            agg.tick(now);
          } else agg.ingest(step.report);
        }
        const copy = restoreAggregator(JSON.parse(JSON.stringify(agg.snapshot())));
        for (const id of ["a", "b", "c"]) expect(copy.verdict(id, now)).toEqual(agg.verdict(id, now));
        expect(copy.tick(now + HOUR)).toEqual(agg.tick(now + HOUR));
      }),
      { numRuns: 100 },
    );
  });
});

type FuzzReport = {
  origin: number;
  at: number;
  age: number | null;
  source: "discord" | "api" | "import";
  count: number;
};
const fuzzArb: fc.Arbitrary<FuzzReport> = fc.record({
  origin: fc.integer({ min: 0, max: 19 }),
  at: fc.integer({ min: 0, max: 3 * HOUR }),
  age: fc.option(fc.integer({ min: -HOUR, max: 60 * 24 * HOUR }), { nil: null }),
  source: fc.constantFrom("discord", "api", "import"),
  count: fc.integer({ min: 1, max: 120 }),
});

describe("random report streams and the diversity rule", () => {
  it("never raise the level past what the distinct origins of the last hour allow", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.array(fuzzArb, { maxLength: 40 }), (k, bursts) => {
        const agg = createAggregator({ tokenCaps: { t0: 5 } });
        const accepted: { origin: string; minute: number }[] = [];
        let serial = 0;
        let worst = 0;
        const sorted = [...bursts].sort((a, b) => a.at - b.at);
        const check = (at: number) => {
          const m = Math.floor(at / MIN);
          const origins = new Set(accepted.filter((r) => r.minute <= m && r.minute > m - 60).map((r) => r.origin));
          const v = agg.verdict("svc", at);
          expect(Number.isFinite(v.weighted15) && v.weighted15 >= 0).toBe(true);
          expect(v.weighted15).toBeLessThanOrEqual(v.last15);
          expect(v.originsHour).toBeLessThanOrEqual(origins.size);
          expect(LEVEL_ORDER[v.level]).toBeLessThanOrEqual(LEVEL_ORDER[maxLevelForOrigins(origins.size)]);
        };
        for (const b of sorted) {
          for (let i = 0; i < b.count; i++) {
            const at = T0 + b.at + i * 250;
            const origin = `o${b.origin % k}`;
            const res = agg.ingest({
              serviceId: "svc",
              region: "GB",
              regionInferred: false,
              problem: "app",
              at,
              reporterHash: `r${serial++}`,
              originHash: origin,
              source: b.source,
              sourceName: b.source === "api" ? `t${b.origin % 2}` : undefined,
              accountCreatedAt: b.age === null ? null : at - b.age,
            } as CrowdReport);
            if (res.accepted) accepted.push({ origin, minute: Math.floor(at / MIN) });
          }
          check(T0 + b.at + b.count * 250);
          for (const e of agg.tick(T0 + b.at + b.count * 250)) worst = Math.max(worst, LEVEL_ORDER[e.incident.level]);
        }
        for (const e of agg.tick(T0 + 5 * HOUR)) worst = Math.max(worst, LEVEL_ORDER[e.incident.level]);
        const everyOrigin = new Set(accepted.map((r) => r.origin)).size;
        expect(worst).toBeLessThanOrEqual(LEVEL_ORDER[maxLevelForOrigins(everyOrigin)]);
        for (let at = T0; at <= T0 + 4 * HOUR; at += 7 * MIN) check(at);
      }),
      { numRuns: 120 },
    );
  });
});
