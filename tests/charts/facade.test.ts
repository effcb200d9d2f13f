import { describe, expect, it } from "vitest";
import {
  attachmentUrl,
  chartAttachment,
  chartFile,
  chartFileName,
  createChartRenderer,
  officialSpans,
} from "../../src/charts/index.js";
import type { OfficialStatus } from "../../src/domain/official.js";
import { NOW, quiet, STEP } from "./fixtures.js";

const { statusChart } = createChartRenderer();

describe("chart attachments", () => {
  it.each([
    ["status", "github", "status-github.png"],
    ["regions", "Microsoft Teams", "regions-microsoft-teams.png"],
    ["status", "<script>/../x", "status-script-x.png"],
    ["status", "", "status-chart.png"],
  ] as const)("a %s chart for %j is named %s", (kind, id, name) => {
    expect(chartFileName(kind, id)).toBe(name);
  });

  it("points the embed at the attachment by name", () => {
    expect(attachmentUrl("status-github.png")).toBe("attachment://status-github.png");
  });

  it("makes a PNG reply file with alt text cut to 1024 characters", () => {
    const file = chartFile(new Uint8Array([1, 2]), "status-x.png", "a".repeat(2000));
    expect(file).toMatchObject({ name: "status-x.png", contentType: "image/png" });
    expect(file.description).toHaveLength(1024);
  });

  it("turns a chart result into a reply file, or null when there is no picture", () => {
    const drawn = statusChart({ serviceName: "GitHub", points: quiet(8, STEP), now: NOW });
    const file = chartAttachment(drawn, "status", "github");
    expect(file?.name).toBe("status-github.png");
    expect(file?.description).toContain("GitHub");
    expect(
      chartAttachment(statusChart({ serviceName: "GitHub", points: [], now: NOW }), "status", "github"),
    ).toBeNull();
  });
});

describe("official spans from a status page", () => {
  const incident = (over: Partial<OfficialStatus["incidents"][number]>): OfficialStatus["incidents"][number] => ({
    id: "i",
    name: "Degraded API",
    status: "investigating",
    impact: "minor",
    startedAt: new Date(NOW - 3_600_000).toISOString(),
    updatedAt: new Date(NOW - 600_000).toISOString(),
    latestUpdate: null,
    url: null,
    ...over,
  });
  const page = (
    incidents: OfficialStatus["incidents"],
    maintenance: OfficialStatus["maintenance"] = [],
  ): OfficialStatus => ({
    indicator: "minor",
    description: null,
    pageUrl: null,
    components: [],
    incidents,
    maintenance,
    fetchedAt: null,
    stale: false,
    ageSeconds: null,
    error: null,
  });

  it("maps impacts to strip states, open incidents running to now", () => {
    const spans = officialSpans(page([incident({}), incident({ impact: "critical", status: "resolved" })]), NOW);
    expect(spans).toEqual([
      { from: NOW - 3_600_000, to: NOW, state: "degraded" },
      { from: NOW - 3_600_000, to: NOW - 600_000, state: "outage" },
    ]);
  });

  it("marks maintenance whatever its impact, and skips maintenance that has not begun", () => {
    const now = incident({ impact: "none" });
    const later = incident({ startedAt: new Date(NOW + 3_600_000).toISOString() });
    expect(officialSpans(page([], [now, later]), NOW)).toEqual([
      { from: NOW - 3_600_000, to: NOW, state: "maintenance" },
    ]);
  });

  it("leaves out incidents with no impact or no readable start", () => {
    expect(
      officialSpans(
        page([incident({ impact: "none" }), incident({ startedAt: "garbage" }), incident({ startedAt: null })]),
        NOW,
      ),
    ).toEqual([]);
    expect(officialSpans(null, NOW)).toEqual([]);
  });
});
