import { describe, expect, it } from "vitest";
import { createInstatusSource, instatusEndpoint } from "../../src/sources/instatus-source.js";
import { sourceUnderTest } from "../support/source-under-test.js";

const { page, poll, good } = sourceUnderTest(createInstatusSource(), "instatus", "summary.json");

describe("Instatus summary.json source over real HTTP", () => {
  it("builds the published endpoint from the page URL", () => {
    expect(instatusEndpoint({ kind: "instatus", url: "https://status.perplexity.com" })).toBe(
      "https://status.perplexity.com/summary.json",
    );
  });

  it("maps active incidents and their impact, and the worst one to the indicator", async () => {
    const status = await good(page({ fixture: "instatus/issues.json" }));
    expect(status.incidents.map((i) => [i.name, i.impact, i.status])).toEqual([
      ["API responses are slow", "major", "investigating"],
      ["Sign-in failing", "critical", "identified"],
    ]);
    expect(status.indicator).toBe("critical");
    expect(status.maintenance).toEqual([]);
  });

  it("says all is well on an UP page", async () => {
    expect(await good(page({ fixture: "instatus/up.json" }))).toMatchObject({ indicator: "none", incidents: [] });
  });

  it("shows maintenance in progress", async () => {
    const status = await good(page({ fixture: "instatus/maintenance.json" }));
    expect(status.indicator).toBe("maintenance");
    expect(status.maintenance.map((m) => m.name)).toEqual(["Network maintenance"]);
  });

  it("reports schema drift", async () => {
    const result = await poll(page({ fixture: "instatus/drift.json" }));
    expect(result).toMatchObject({ ok: false, error: { kind: "parse" } });
    if (!result.ok) expect(result.error.reason).toContain("page.status");
  });
});
