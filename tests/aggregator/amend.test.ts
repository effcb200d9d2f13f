import { describe, expect, it } from "vitest";
import { createAggregator, restoreAggregator } from "../../src/aggregator/index.js";
import type { Aggregator } from "../../src/aggregator/types.js";
import { HOUR, MIN, report, T0 } from "./helpers.js";

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
    expect(agg.problemCounts("svc", 6, T0 + 5 * MIN)).toEqual([
      { problem: "login", reports: 1 },
      { problem: "other", reports: 1 },
    ]);
    expect(agg.reportCount("svc", 60, T0 + 5 * MIN)).toBe(2);
    expect(agg.stats().counters).toMatchObject({ accepted: 2, amended: 1 });
  });

  it("answers as of a minute before the amendment with the problem the report had then", () => {
    const agg = createAggregator();
    agg.ingest(report({ reporterHash: "r1", problem: "other", at: T0 }));
    agg.ingest(report({ reporterHash: "r1", problem: "login", at: T0 + 5 * MIN + 30_000 }));
    // The aggregator reads minutes inclusive: the minute `at` falls in is counted, as it was by then.
    expect(problems(agg, T0 + 4 * MIN)).toEqual({ other: 1 });
    expect(problems(agg, T0 + 5 * MIN - 1)).toEqual({ other: 1 });
    expect(problems(agg, T0 + 5 * MIN)).toEqual({ login: 1 });
  });

  it("answers each minute with the problem of the amendment made by then when amended twice", () => {
    const agg = createAggregator();
    agg.ingest(report({ reporterHash: "r1", problem: "other", at: T0 }));
    agg.ingest(report({ reporterHash: "r1", problem: "app", at: T0 + 3 * MIN }));
    agg.ingest(report({ reporterHash: "r1", problem: "login", at: T0 + 6 * MIN }));
    expect(problems(agg, T0 + 2 * MIN)).toEqual({ other: 1 });
    expect(problems(agg, T0 + 5 * MIN)).toEqual({ app: 1 });
    expect(problems(agg, T0 + 7 * MIN)).toEqual({ login: 1 });
  });

  it("forgets amendments whose reports have left the kept day", () => {
    const agg = createAggregator();
    agg.ingest(report({ reporterHash: "r1", problem: "other", at: T0 }));
    agg.ingest(report({ reporterHash: "r1", problem: "login", at: T0 + 5 * MIN }));
    expect(agg.snapshot().services[0]?.problemAmends).toEqual([5 + T0 / MIN, 2, T0 / MIN, 6, -1, T0 / MIN, 2, 1]);
    agg.ingest(report({ reporterHash: "r2", at: T0 + 25 * HOUR }));
    expect(agg.snapshot().services[0]?.problemAmends).toEqual([]);
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
    expect(problems(restored, T0 + 5 * MIN)).toEqual({ payments: 1 });
    // And the amendment itself survives the next restore: the same report again changes nothing.
    expect(
      reloaded(restored).ingest(report({ reporterHash: "r1", problem: "payments", at: T0 + 4 * MIN })),
    ).toMatchObject({
      reason: "duplicate",
    });
  });

  it("keeps the amendment's own time across a snapshot and restore", () => {
    const agg = createAggregator();
    agg.ingest(report({ reporterHash: "r1", problem: "other", at: T0 }));
    agg.ingest(report({ reporterHash: "r1", problem: "payments", at: T0 + 4 * MIN }));
    const restored = reloaded(agg);
    expect(problems(restored, T0 + 3 * MIN)).toEqual({ other: 1 });
    expect(problems(restored, T0 + 4 * MIN)).toEqual({ payments: 1 });
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

  it("moves the count in the open incident's problems from the amendment's minute on", () => {
    const agg = createAggregator();
    burst(agg, 4);
    expect(agg.incident("svc", T0 + 4 * MIN)?.problems).toEqual([{ problem: "other", reports: 480 }]);
    agg.ingest(report({ reporterHash: "m0-0", problem: "login", at: T0 + 4 * MIN }));
    agg.tick(T0 + 5 * MIN);
    expect(agg.incident("svc", T0 + 4 * MIN)?.problems).toEqual([{ problem: "other", reports: 480 }]);
    expect(agg.incident("svc", T0 + 5 * MIN)?.problems).toEqual([
      { problem: "other", reports: 479 },
      { problem: "login", reports: 1 },
    ]);
  });

  it("keeps an amendment made while the incident was open in its resolved record, ticked live or after an import", () => {
    const amendment = report({ reporterHash: "m0-0", problem: "login", at: T0 + 4 * MIN + 30_000 });
    const live = createAggregator();
    burst(live, 4);
    live.ingest(amendment);
    for (let m = 5; m <= 40; m++) live.tick(T0 + m * MIN);
    const imported = createAggregator();
    burst(imported, 4, false);
    imported.ingest(amendment);
    imported.tick(T0 + 40 * MIN);
    const resolved = (agg: Aggregator) => agg.incidents({ serviceId: "svc", state: "recent", at: T0 + 40 * MIN })[0];
    expect(resolved(live)?.resolvedAt).not.toBeNull();
    expect(resolved(live)?.problems).toEqual([
      { problem: "other", reports: 479 },
      { problem: "login", reports: 1 },
    ]);
    expect(resolved(imported)).toEqual(resolved(live));
  });

  it("takes an amendment that arrives after its minute was evaluated into the resolved record", () => {
    const agg = createAggregator();
    burst(agg, 4);
    for (let m = 5; m <= 40; m++) agg.tick(T0 + m * MIN);
    const resolved = () => agg.incidents({ serviceId: "svc", state: "recent", at: T0 + 41 * MIN })[0];
    expect(resolved()?.problems).toEqual([{ problem: "other", reports: 480 }]);
    // Made at 00:06 while the incident was open, it reaches the aggregator at 00:40.
    agg.ingest(report({ reporterHash: "m0-0", problem: "login", at: T0 + 6 * MIN }));
    const events = agg.tick(T0 + 41 * MIN);
    expect(resolved()?.problems).toEqual([
      { problem: "other", reports: 479 },
      { problem: "login", reports: 1 },
    ]);
    expect(events).toEqual([]);
  });
});

/** 120 reports a minute from distinct reporters for `minutes` minutes: an incident opens (ticked each minute when `tick`). */
function burst(agg: Aggregator, minutes: number, tick = true): void {
  for (let m = 0; m < minutes; m++) {
    for (let i = 0; i < 120; i++)
      agg.ingest(report({ reporterHash: `m${m}-${i}`, problem: "other", at: T0 + m * MIN + i * 400 }));
    if (tick) agg.tick(T0 + (m + 1) * MIN);
  }
}
