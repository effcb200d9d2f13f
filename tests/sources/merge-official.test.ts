import { describe, expect, it } from "vitest";
import type { Level } from "../../src/domain/levels.js";
import type { ComponentStatus, Indicator, OfficialIncident, OfficialStatus } from "../../src/domain/official.js";
import { combineLevel } from "../../src/sources/merge-official.js";

function official(over: Partial<OfficialStatus> = {}): OfficialStatus {
  return {
    indicator: "none",
    description: "All Systems Operational",
    pageUrl: "https://www.examplestatus.com",
    components: [],
    incidents: [],
    maintenance: [],
    fetchedAt: "2026-11-26T11:00:00.000Z",
    stale: false,
    ageSeconds: 30,
    error: null,
    ...over,
  };
}

const page = (indicator: Indicator, description: string) => official({ indicator, description });
const component = (status: ComponentStatus) =>
  official({ components: [{ name: "Git Operations", status, group: null, region: null }] });
const incident = (impact: OfficialIncident["impact"]): OfficialIncident => ({
  id: "i1",
  name: "Elevated errors",
  status: "investigating",
  impact,
  startedAt: null,
  updatedAt: null,
  latestUpdate: null,
  url: null,
});

const crowd = (level: Level) => ({ level, reason: `crowd says ${level}` });

describe("combineLevel", () => {
  it.each<[string, Level, OfficialStatus | null, Level, string, boolean]>([
    ["no official data: crowd alone", "degraded", null, "degraded", "crowd", false],
    ["all quiet", "operational", page("none", "All Systems Operational"), "operational", "none", false],
    [
      "official major raises an operational crowd",
      "operational",
      page("major", "Partial System Outage"),
      "partial_outage",
      "official",
      false,
    ],
    [
      "official critical raises to partial outage",
      "degraded",
      page("critical", "Major System Outage"),
      "partial_outage",
      "official",
      false,
    ],
    [
      "official minor raises to degraded",
      "operational",
      page("minor", "Minor Service Outage"),
      "degraded",
      "official",
      false,
    ],
    [
      "a component in major outage raises to partial outage",
      "operational",
      component("major_outage"),
      "partial_outage",
      "official",
      false,
    ],
    [
      "a component in partial outage raises to degraded",
      "operational",
      component("partial_outage"),
      "degraded",
      "official",
      false,
    ],
    [
      "degraded performance raises to degraded",
      "operational",
      component("degraded_performance"),
      "degraded",
      "official",
      false,
    ],
    [
      "a critical incident raises to partial outage",
      "operational",
      official({ incidents: [incident("critical")] }),
      "partial_outage",
      "official",
      false,
    ],
    [
      "an unresolved incident the vendor has not graded (impact none) raises to degraded: the vendor is investigating",
      "operational",
      official({ incidents: [incident("none")] }),
      "degraded",
      "official",
      false,
    ],
    [
      "crowd alone raises major outage while the vendor says all is well",
      "major_outage",
      page("none", "All Systems Operational"),
      "major_outage",
      "crowd",
      false,
    ],
    [
      "crowd above the official floor drives",
      "major_outage",
      page("major", "Partial System Outage"),
      "major_outage",
      "crowd",
      false,
    ],
    [
      "crowd and vendor agree",
      "partial_outage",
      page("major", "Partial System Outage"),
      "partial_outage",
      "both",
      false,
    ],
    [
      "maintenance is a flag, not an outage",
      "operational",
      page("maintenance", "Service Under Maintenance"),
      "operational",
      "official",
      true,
    ],
    [
      "a component under maintenance sets the flag",
      "operational",
      component("under_maintenance"),
      "operational",
      "official",
      true,
    ],
    [
      "maintenance does not hide a crowd outage",
      "major_outage",
      page("maintenance", "Service Under Maintenance"),
      "major_outage",
      "crowd",
      true,
    ],
    [
      "stale official data over 30 min does not raise",
      "operational",
      official({ indicator: "critical", ageSeconds: 31 * 60, stale: true }),
      "operational",
      "none",
      false,
    ],
    [
      "stale but recent official data still counts",
      "operational",
      official({ indicator: "major", ageSeconds: 240, stale: true }),
      "partial_outage",
      "official",
      false,
    ],
    [
      "a page that never answered is ignored",
      "degraded",
      official({ indicator: null, fetchedAt: null, ageSeconds: null, error: "timeout" }),
      "degraded",
      "crowd",
      false,
    ],
  ])("%s", (_name, crowdLevel, officialStatus, level, drivenBy, maintenance) => {
    const verdict = combineLevel(crowd(crowdLevel), officialStatus);
    expect(verdict).toMatchObject({ level, drivenBy, maintenance });
  });

  it("names the official signal in the reason when it drove the level", () => {
    expect(combineLevel(crowd("operational"), page("major", "Partial System Outage")).reason).toBe(
      "Official status page: Partial System Outage",
    );
    expect(combineLevel(crowd("operational"), component("major_outage")).reason).toBe(
      "Official status page: Git Operations: major outage",
    );
  });

  it("says the vendor reports no problem when the crowd alone drives", () => {
    expect(combineLevel(crowd("major_outage"), page("none", "All Systems Operational")).reason).toBe(
      "crowd says major_outage; the official status page reports no problem",
    );
  });

  it("names the maintenance when only maintenance is going on", () => {
    const verdict = combineLevel(
      crowd("operational"),
      official({ indicator: "maintenance", maintenance: [{ ...incident("maintenance"), name: "Database upgrade" }] }),
    );
    expect(verdict.reason).toBe("Maintenance in progress (official): Database upgrade");
  });

  it("keeps the crowd's reason untouched when there is no official data", () => {
    expect(combineLevel(crowd("degraded"), null).reason).toBe("crowd says degraded");
  });
});
