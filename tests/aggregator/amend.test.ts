import { describe, expect, it } from "vitest";
import { createAggregator, restoreAggregator } from "../../src/aggregator/index.js";
import type { Aggregator } from "../../src/aggregator/types.js";
import { MIN, report, T0 } from "./helpers.js";

const problems = (agg: Aggregator, at: number) =>
  Object.fromEntries(agg.problemCounts("svc", 60, at).map((p) => [p.problem, p.reports]));

/** The snapshot as the store keeps it: JSON text. */
const reloaded = (agg: Aggregator) => restoreAggregator(JSON.parse(JSON.stringify(agg.snapshot())));

describe("a second report within 15 minutes amends the first", () => {
  it("moves the count from the old problem to the new one, at the first report's minute, counting once", () => {
    const agg = createAggregator();
    agg.ingest(report({ reporterHash: "r1", problem: "other", at: T0 }));
    agg.ingest(report({ reporterHash: "r2", problem: "other", at: T0 }));
    const second = agg.ingest(report({ reporterHash: "r1", problem: "login", at: T0 + 5 * MIN }));
    expect(second).toEqual({ accepted: true, amended: { from: "other", countedAt: T0 } });
    expect(problems(agg, T0 + 5 * MIN)).toEqual({ other: 1, login: 1 });
    expect(agg.problemCounts("svc", 1, T0)).toEqual([
      { problem: "login", reports: 1 },
      { problem: "other", reports: 1 },
    ]);
    expect(agg.reportCount("svc", 60, T0 + 5 * MIN)).toBe(2);
    expect(agg.stats().counters).toMatchObject({ accepted: 2, amended: 1 });
  });

  it("refuses the same problem again as a duplicate", () => {
    const agg = createAggregator();
    agg.ingest(report({ reporterHash: "r1", problem: "login", at: T0 }));
    expect(agg.ingest(report({ reporterHash: "r1", problem: "login", at: T0 + MIN }))).toMatchObject({
      accepted: false,
      reason: "duplicate",
    });
  });

  it("can be amended again, and the latest report's problem stands whatever order they arrive in", () => {
    const inOrder = createAggregator();
    const shuffled = createAggregator();
    const reports = [
      report({ reporterHash: "r1", problem: "other", at: T0 }),
      report({ reporterHash: "r1", problem: "app", at: T0 + 3 * MIN }),
      report({ reporterHash: "r1", problem: "login", at: T0 + 6 * MIN }),
    ];
    for (const r of reports) inOrder.ingest(r);
    for (const i of [0, 2, 1]) shuffled.ingest(reports[i]!);
    expect(problems(inOrder, T0 + 10 * MIN)).toEqual({ login: 1 });
    expect(problems(shuffled, T0 + 10 * MIN)).toEqual({ login: 1 });
  });

  it("counts a report 15 minutes after the first as a new one, not an amendment", () => {
    const agg = createAggregator();
    agg.ingest(report({ reporterHash: "r1", problem: "other", at: T0 }));
    expect(agg.ingest(report({ reporterHash: "r1", problem: "login", at: T0 + 15 * MIN }))).toEqual({
      accepted: true,
    });
    expect(problems(agg, T0 + 15 * MIN)).toEqual({ other: 1, login: 1 });
  });

  it("keeps the earlier report's minute and problem across a snapshot and restore", () => {
    const agg = createAggregator();
    agg.ingest(report({ reporterHash: "r1", problem: "other", at: T0 + 30_000 }));
    agg.tick(T0 + 2 * MIN);
    const restored = reloaded(agg);
    expect(restored.ingest(report({ reporterHash: "r1", problem: "payments", at: T0 + 4 * MIN }))).toEqual({
      accepted: true,
      amended: { from: "other", countedAt: T0 + 30_000 },
    });
    expect(restored.problemCounts("svc", 1, T0)).toEqual([{ problem: "payments", reports: 1 }]);
    // And the amendment itself survives the next restore: the same report again changes nothing.
    expect(
      reloaded(restored).ingest(report({ reporterHash: "r1", problem: "payments", at: T0 + 4 * MIN })),
    ).toMatchObject({
      reason: "duplicate",
    });
  });

  it("treats a reporter from a snapshot that kept no problem as already counted (nothing to move from)", () => {
    const agg = createAggregator();
    agg.ingest(report({ reporterHash: "r1", problem: "other", at: T0 }));
    const snap = JSON.parse(JSON.stringify(agg.snapshot()));
    snap.reporters = snap.reporters.map(([hash, window, services]: [string, number[], unknown[][]]) => [
      hash,
      window,
      services.map((s) => s.slice(0, 2)),
    ]);
    const old = restoreAggregator(snap);
    expect(old.ingest(report({ reporterHash: "r1", problem: "login", at: T0 + MIN }))).toMatchObject({
      reason: "duplicate",
    });
  });

  it("moves the count in the open incident's problems too", () => {
    const agg = createAggregator();
    // A burst from many origins opens an incident; one of its reporters then says what broke.
    for (let m = 0; m < 4; m++) {
      for (let i = 0; i < 120; i++)
        agg.ingest(report({ reporterHash: `m${m}-${i}`, problem: "other", at: T0 + m * MIN + i * 400 }));
      agg.tick(T0 + (m + 1) * MIN);
    }
    expect(agg.incident("svc", T0 + 4 * MIN)?.problems).toEqual([{ problem: "other", reports: 480 }]);
    agg.ingest(report({ reporterHash: "m0-0", problem: "login", at: T0 + 4 * MIN }));
    expect(agg.incident("svc", T0 + 4 * MIN)?.problems).toEqual([
      { problem: "other", reports: 479 },
      { problem: "login", reports: 1 },
    ]);
  });
});
