import { beforeAll, describe, expect, it } from "vitest";
import { getScenario, type ReplayResult, runReplay, SCENARIOS } from "../../src/aggregator/scenarios/index.js";
import { formatTimeline } from "../../src/aggregator/scenarios/replay.js";

const MIN = 60_000;

describe("x-outage replay", () => {
  let result: ReplayResult;
  const seen: string[] = [];
  beforeAll(() => {
    result = runReplay("x-outage", { onEvent: (e) => seen.push(e.kind) });
  });

  it("calls onEvent for every event as it happens", () => {
    expect(seen.length).toBeGreaterThan(2);
    expect(seen).toEqual(result.events.map((e) => e.kind));
  });

  it("carries tens of thousands of reports", () => {
    expect(result.reports.accepted).toBeGreaterThan(20_000);
    expect(result.reports.rejected.duplicate ?? 0).toBeGreaterThan(0);
  });

  it("detects each outage within 2 minutes of its start", () => {
    for (const outage of result.expected) {
      const opened = result.events.find(
        (e) => e.kind === "opened" && e.incident.serviceId === outage.serviceId && e.at >= outage.start,
      );
      expect(opened, outage.label).toBeDefined();
      expect(opened!.at - outage.start, outage.label).toBeLessThanOrEqual(2 * MIN);
    }
  });

  it("opens one incident per outage, not one per minute or per wave", () => {
    expect(result.timeline.map((t) => t.serviceId)).toEqual(result.expected.map((e) => e.serviceId));
    expect(result.events.filter((e) => e.kind === "opened")).toHaveLength(result.expected.length);
  });

  it("resolves every incident after its last wave", () => {
    result.timeline.forEach((entry, i) => {
      const outage = result.expected[i]!;
      expect(entry.resolvedAt).not.toBeNull();
      expect(entry.resolvedAt!).toBeGreaterThanOrEqual(outage.end - 10 * MIN);
      expect(entry.resolvedAt!).toBeLessThanOrEqual(outage.end + 15 * MIN);
    });
  });

  it("reaches major outage with the peak in the big afternoon wave", () => {
    const afternoon = result.timeline[1]!;
    expect(afternoon.level).toBe("major_outage");
    expect(new Date(afternoon.peakAt).toISOString().slice(11, 13)).toBe("14");
    expect(afternoon.peakPerMinute).toBeGreaterThan(1000);
  });

  it("counts more than 8,000 reports from GB in the hour of the peak", () => {
    const peak = result.timeline[1]!.peakAt;
    const gb = result.aggregator.regionCounts("x", 60, peak + 25 * MIN).find((r) => r.region === "GB");
    expect(gb?.reports).toBeGreaterThan(8000);
  });

  it("raises no incident for the services that stayed up beside it", () => {
    expect(result.timeline.every((t) => t.serviceId === "x")).toBe(true);
  });

  it("prints when each incident opened, peaked and closed", () => {
    const lines = formatTimeline(result);
    expect(lines.join("\n")).toMatch(/x-20250310T0945Z: started 2025-03-10T09:45:00.000Z, opened 09:4\d/);
    expect(lines.some((l) => l.includes("peaked 14:") && l.includes("resolved 16:"))).toBe(true);
  });

  it("gives the same timeline on every run", () => {
    const again = runReplay("x-outage");
    expect(again.timeline).toEqual(result.timeline);
  });
});

describe("quiet-week replay", () => {
  it("raises no incident in a normal week", () => {
    const result = runReplay("quiet-week");
    expect(result.reports.accepted).toBeGreaterThan(10_000);
    expect(result.events).toEqual([]);
  });
});

describe("scenarios", () => {
  it("lists every built-in scenario by name", () => {
    for (const name of SCENARIOS) expect(getScenario(name)?.name).toBe(name);
  });

  it("refuses an unknown scenario and names the known ones", () => {
    expect(() => runReplay("nope")).toThrow(/x-outage/);
  });
});
