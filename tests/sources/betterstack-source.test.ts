import { describe, expect, it } from "vitest";
import { betterStackEndpoint, createBetterStackSource } from "../../src/sources/betterstack-source.js";
import { sourceUnderTest } from "../support/source-under-test.js";

const { page, poll, good } = sourceUnderTest(createBetterStackSource(), "betterstack", "index.json");

describe("Better Stack index.json source over real HTTP", () => {
  it("builds the published endpoint from the page URL", () => {
    expect(betterStackEndpoint({ kind: "betterstack", url: "https://status.example-deploy.com" })).toBe(
      "https://status.example-deploy.com/index.json",
    );
  });

  it("says all is well on an operational page, with its monitors as components", async () => {
    const status = await good(page({ fixture: "betterstack/operational.json" }));
    expect(status).toMatchObject({ indicator: "none", incidents: [], maintenance: [] });
    expect(status.components).toEqual([{ name: "Dashboard", status: "operational", group: "Platform", region: null }]);
  });

  it("maps downtime: open report with its newest update, monitors by section, unmonitored ones left out", async () => {
    const status = await good(page({ fixture: "betterstack/downtime.json" }));
    expect(status.indicator).toBe("major");
    expect(status.components.map((c) => [c.name, c.status, c.group])).toEqual([
      ["Dashboard", "operational", "Platform"],
      ["Build pipeline", "major_outage", "Platform"],
    ]);
    expect(status.incidents).toHaveLength(1);
    expect(status.incidents[0]).toMatchObject({
      id: "7001",
      name: "Builds are failing",
      impact: "major",
      startedAt: "2026-11-26T10:21:00.000Z",
      updatedAt: "2026-11-26T10:44:00.000Z",
      latestUpdate: "A bad runner image was rolled out; rolling back.",
    });
  });

  it("shows maintenance only between its start and end, and the page's announcement", async () => {
    const status = await good(page({ fixture: "betterstack/maintenance.json" }));
    expect(status.indicator).toBe("maintenance");
    expect(status.description).toBe("Database maintenance until 12:00 UTC");
    expect(status.maintenance.map((m) => m.name)).toEqual(["Database upgrade"]);
    expect(status.components).toEqual([{ name: "Database", status: "under_maintenance", group: null, region: null }]);
  });

  it("reports schema drift naming the field", async () => {
    const result = await poll(page({ fixture: "betterstack/drift.json" }));
    expect(result).toMatchObject({ ok: false, error: { kind: "parse" } });
    if (!result.ok) expect(result.error.reason).toContain("data.attributes.aggregate_state");
  });
});
