import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IncidentTracker } from "../../src/aggregator/incident-tracker.js";
import { createAggregator, restoreAggregator } from "../../src/aggregator/index.js";
import { restoreService } from "../../src/aggregator/service-state.js";
import type { Incident, IncidentEvent } from "../../src/domain/incident.js";
import type { CrowdReport } from "../../src/domain/report.js";
import { HOUR, MIN, report, T0 } from "./helpers.js";

/** Three weeks of steady history, so the baseline is the weekly one. */
function base(): unknown {
  const agg = createAggregator();
  for (let h = 3 * 168; h > 0; h--) {
    for (let i = 0; i < 30; i++) agg.ingest(report({ at: T0 - h * HOUR + i * 2 * MIN, originHash: `h${i}` }));
  }
  agg.tick(T0);
  return agg.snapshot();
}

const span = (i: Incident) => [i.startedAt, i.resolvedAt, i.level];

/** The incidents the level rule gives when the final counts are evaluated once, minute by minute in order. */
function byTheRule(snapshot: { services: unknown[] }, from: number, to: number): Incident[] {
  const state = restoreService(snapshot.services[0] as Parameters<typeof restoreService>[0]);
  const tracker = new IncidentTracker();
  const events: IncidentEvent[] = [];
  for (let m = from; m <= to; m++) tracker.evaluate(state.counts, "svc", m, events);
  return tracker.open === null ? tracker.history : [...tracker.history, tracker.open.incident];
}

describe("incidents follow the level whatever the arrival order", () => {
  const snapshot = base();
  const profileArb = fc.array(fc.oneof(fc.constant(0), fc.constant(1), fc.integer({ min: 5, max: 80 })), {
    minLength: 30,
    maxLength: 120,
  });

  it("opens, escalates and resolves exactly as the rule says on the final counts, for reports in any order with ticks between", () => {
    fc.assert(
      fc.property(profileArb, fc.integer({ min: 1, max: 2 ** 31 - 2 }), (profile, seed) => {
        const reports: CrowdReport[] = [];
        profile.forEach((n, m) => {
          for (let i = 0; i < n; i++) {
            reports.push(
              report({ at: T0 + m * MIN + Math.floor((i * MIN) / n), originHash: `o${reports.length % 60}` }),
            );
          }
        });
        let s = seed;
        const rand = () => {
          s = (s * 48271) % 2147483647;
          return s / 2147483647;
        };
        for (let i = reports.length - 1; i > 0; i--) {
          const j = Math.floor(rand() * (i + 1));
          [reports[i], reports[j]] = [reports[j]!, reports[i]!];
        }
        const agg = restoreAggregator(snapshot);
        let clock = T0;
        for (const r of reports) {
          agg.ingest(r);
          clock = Math.max(clock, r.at);
          if (rand() < 0.05) agg.tick(clock + MIN);
        }
        const end = T0 + (profile.length + 30) * MIN;
        agg.tick(end);
        const final = agg.snapshot() as { services: unknown[] };
        const expected = byTheRule(final, minuteOf(T0) - 20, minuteOf(end) - 1).map(span);
        const got = agg.incidents({ serviceId: "svc", state: "recent", at: end, limit: 100 }).reverse().map(span);
        expect(got).toEqual(expected);
      }),
      { numRuns: 40 },
    );
  });
});

function minuteOf(at: number): number {
  return Math.floor(at / MIN);
}
