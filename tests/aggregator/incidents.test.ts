import { describe, expect, it } from "vitest";
import { createAggregator, RESOLVE_AFTER_MINUTES } from "../../src/aggregator/index.js";
import { feedMinutes, history, MIN, report, T0 } from "./helpers.js";

describe("incident lifecycle", () => {
  it("opens no incident for a single short burst", () => {
    const agg = createAggregator();
    history(agg, 48, 6);
    agg.tick(T0);
    for (let i = 0; i < 200; i++) agg.ingest(report({ at: T0 + 10 * MIN + i * 200 }));
    const events = feedMinutes(agg, 0, 60, () => 0);
    expect(agg.verdict("svc", T0 + 11 * MIN).level).not.toBe("operational");
    expect(events).toEqual([]);
    expect(agg.incidents({ state: "recent", at: T0 + 60 * MIN })).toEqual([]);
  });

  it("opens one incident within 2 minutes when reports stay far above usual", () => {
    const agg = createAggregator();
    history(agg, 48, 6);
    agg.tick(T0);
    const events = feedMinutes(agg, 0, 30, (m) => (m >= 10 ? 40 : 0));
    const opened = events.filter((e) => e.kind === "opened");
    expect(opened).toHaveLength(1);
    expect(opened[0]!.incident.startedAt).toBe(T0 + 10 * MIN);
    expect(opened[0]!.at - opened[0]!.incident.startedAt).toBeLessThanOrEqual(2 * MIN);
  });

  it("gives the incident an id from the service and start minute", () => {
    const agg = createAggregator();
    history(agg, 48, 6);
    agg.tick(T0);
    const events = feedMinutes(agg, 0, 15, (m) => (m >= 10 ? 40 : 0));
    expect(events[0]!.incident.id).toBe("svc-20250602T0010Z");
  });

  it("escalates as reports grow and keeps the peak minute and rate", () => {
    const agg = createAggregator();
    history(agg, 48, 6);
    agg.tick(T0);
    const events = feedMinutes(agg, 0, 40, (m) => (m < 10 ? 0 : m < 20 ? 5 : m < 30 ? 100 : 30));
    const kinds = events.map((e) => e.kind);
    expect(kinds[0]).toBe("opened");
    expect(kinds).toContain("escalated");
    const inc = agg.incident("svc", T0 + 40 * MIN)!;
    expect(inc.level).toBe("major_outage");
    expect(inc.peakPerMinute).toBe(100);
    expect(inc.peakAt).toBeGreaterThanOrEqual(T0 + 20 * MIN);
    expect(inc.peakAt).toBeLessThan(T0 + 30 * MIN);
    expect(inc.resolvedAt).toBeNull();
  });

  it("resolves after 15 operational minutes with the time it returned to normal", () => {
    const agg = createAggregator();
    history(agg, 48, 6);
    agg.tick(T0);
    const events = feedMinutes(agg, 0, 90, (m) => (m >= 10 && m < 30 ? 40 : 0));
    const resolved = events.filter((e) => e.kind === "resolved");
    expect(resolved).toHaveLength(1);
    const inc = resolved[0]!.incident;
    expect(inc.resolvedAt).not.toBeNull();
    expect(resolved[0]!.at - inc.resolvedAt!).toBe(RESOLVE_AFTER_MINUTES * MIN);
    expect(inc.resolvedAt!).toBeGreaterThan(T0 + 30 * MIN);
    expect(inc.resolvedAt!).toBeLessThanOrEqual(T0 + 36 * MIN);
    expect(inc.totalReports).toBe(20 * 40);
    expect(inc.regions).toEqual([{ region: "GB", reports: 800 }]);
    expect(inc.problems).toEqual([{ problem: "app", reports: 800 }]);
  });

  it("continues one incident through a second wave that starts within the quiet period", () => {
    const agg = createAggregator();
    history(agg, 48, 6);
    agg.tick(T0);
    const wave = (m: number) => ((m >= 10 && m < 25) || (m >= 33 && m < 45) ? 40 : 0);
    const events = feedMinutes(agg, 0, 120, wave);
    expect(events.filter((e) => e.kind === "opened")).toHaveLength(1);
    expect(events.filter((e) => e.kind === "resolved")).toHaveLength(1);
  });

  it("opens a second incident for an outage after the first resolved", () => {
    const agg = createAggregator();
    history(agg, 48, 6);
    agg.tick(T0);
    const wave = (m: number) => ((m >= 10 && m < 25) || (m >= 70 && m < 85) ? 40 : 0);
    const events = feedMinutes(agg, 0, 150, wave);
    const ids = events.filter((e) => e.kind === "opened").map((e) => e.incident.id);
    expect(ids).toEqual(["svc-20250602T0010Z", "svc-20250602T0110Z"]);
    expect(agg.incidents({ state: "recent", at: T0 + 150 * MIN }).map((i) => i.id)).toEqual([...ids].reverse());
    expect(agg.incidents({ state: "active", at: T0 + 75 * MIN }).map((i) => i.id)).toEqual([ids[1]]);
  });

  it("sends an update only when the peak grew by a real margin, not every minute", () => {
    const agg = createAggregator();
    history(agg, 48, 6);
    agg.tick(T0);
    const events = feedMinutes(agg, 0, 60, (m) => (m >= 10 && m < 50 ? 40 + m * 5 : 0));
    const updates = events.filter((e) => e.kind === "updated");
    expect(updates.length).toBeGreaterThan(0);
    expect(updates.length).toBeLessThanOrEqual(8);
    for (let i = 1; i < updates.length; i++)
      expect(updates[i]!.at - updates[i - 1]!.at).toBeGreaterThanOrEqual(5 * MIN);
  });

  it("says since when a service has been above operational", () => {
    const agg = createAggregator();
    history(agg, 48, 6);
    agg.tick(T0);
    feedMinutes(agg, 0, 20, (m) => (m >= 10 ? 40 : 0));
    expect(agg.since("svc", T0 + 20 * MIN)).toBe(T0 + 10 * MIN);
    expect(agg.since("svc", T0 + 5 * MIN)).toBeNull();
  });

  it("evaluates a batch of past minutes in one tick the same as minute by minute", () => {
    const live = createAggregator();
    const batch = createAggregator();
    for (const agg of [live, batch]) history(agg, 48, 6);
    live.tick(T0);
    batch.tick(T0);
    const liveEvents = feedMinutes(live, 0, 90, (m) => (m >= 10 && m < 30 ? 40 : 0));
    for (let m = 10; m < 30; m++) for (let i = 0; i < 40; i++) batch.ingest(report({ at: T0 + m * MIN + i * 1000 }));
    const batchEvents = batch.tick(T0 + 90 * MIN);
    expect(batchEvents.map((e) => [e.kind, e.at, e.incident.id])).toEqual(
      liveEvents.map((e) => [e.kind, e.at, e.incident.id]),
    );
  });
});
