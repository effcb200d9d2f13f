import { describe, expect, it } from "vitest";
import { createComponentRegionMapper } from "../../src/sources/component-regions.js";
import { createGoogleCloudSource, googleCloudEndpoint } from "../../src/sources/google-cloud-source.js";
import { sourceUnderTest } from "../support/source-under-test.js";

const { page, poll, good } = sourceUnderTest(
  createGoogleCloudSource({ regionOf: createComponentRegionMapper() }),
  "google-cloud",
  "incidents.json",
);

describe("Google incidents.json source over real HTTP", () => {
  it("builds the published endpoint from the dashboard URL", () => {
    expect(googleCloudEndpoint({ kind: "google-cloud", url: "https://status.cloud.google.com" })).toBe(
      "https://status.cloud.google.com/incidents.json",
    );
    expect(googleCloudEndpoint({ kind: "google-cloud", url: "https://www.google.com/appsstatus/dashboard/" })).toBe(
      "https://www.google.com/appsstatus/dashboard/incidents.json",
    );
  });

  it("keeps only open incidents, mapping impact and severity", async () => {
    const dashboard = page({ fixture: "google/incidents.json" });
    const status = await good(dashboard);
    expect(status.incidents.map((i) => [i.id, i.impact])).toEqual([
      ["outageHigh1", "critical"],
      ["disruptMed1", "minor"],
      ["infoLow1", "none"],
    ]);
    expect(status.indicator).toBe("critical");
    expect(status.incidents[0]).toMatchObject({
      latestUpdate: "We are experiencing an issue with Cloud Run in europe-west4 and us-central1.",
      startedAt: "2026-11-26T09:40:00+00:00",
      url: `${dashboard.url}/incidents/outageHigh1`,
    });
  });

  it("turns affected products and locations into components with regions", async () => {
    const status = await good(page({ fixture: "google/incidents.json" }));
    expect(status.components.map((c) => [c.group, c.name, c.status, c.region])).toEqual([
      ["Cloud Run", "Netherlands (europe-west4)", "major_outage", "NL"],
      ["Cloud Run", "Iowa (us-central1)", "major_outage", "US"],
      ["Cloud Storage", "Global", "partial_outage", null],
    ]);
  });

  it("says all is well when every incident has ended", async () => {
    const status = await good(page({ fixture: "google/quiet.json" }));
    expect(status).toMatchObject({ indicator: "none", incidents: [], components: [], maintenance: [] });
  });

  it("reports schema drift in an open incident", async () => {
    const result = await poll(page({ fixture: "google/drift.json" }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.reason).toContain("most_recent_update");
  });

  it("reports a payload that is not an array as drift", async () => {
    const result = await poll(page({ body: { incidents: [] } }));
    expect(result).toMatchObject({ ok: false, error: { kind: "parse" } });
  });
});
