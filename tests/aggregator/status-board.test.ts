import { describe, expect, it } from "vitest";
import { createAggregator, createStatusBoard, crowdOnly } from "../../src/aggregator/index.js";
import { createCatalog } from "../../src/catalog/catalog.js";
import { createRegionDirectory } from "../../src/catalog/regions.js";
import { builtInServices } from "../../src/catalog/services-data.js";
import type { ReportOffer } from "../../src/domain/board.js";
import { OFFICIAL_NOT_KNOWN_YET, type OfficialStatus } from "../../src/domain/official.js";
import { StatusReportSchema } from "../../src/domain/status-report.js";
import { createReportIntake } from "../../src/intake/index.js";
import { feedMinutes, HOUR, history, MIN, report, T0 } from "./helpers.js";

const catalog = createCatalog(builtInServices);
const regions = createRegionDirectory();

function setup() {
  const aggregator = createAggregator();
  const intake = createReportIntake({ catalog, regions, aggregator, salt: "test-salt", now: () => T0 + 60 * MIN });
  const board = createStatusBoard({ catalog, regions, aggregator });
  return { aggregator, intake, board };
}

const offer = (o: Partial<ReportOffer> = {}): ReportOffer => ({
  service: "twitter",
  region: "UK",
  problem: "app",
  reporter: "123456789",
  source: "discord",
  at: T0,
  ...o,
});

describe("report intake", () => {
  it("resolves the service by alias and the region by alias", async () => {
    const { intake, aggregator } = setup();
    expect(await intake.submit(offer())).toEqual({ accepted: true });
    expect(aggregator.regionCounts("x", 60, T0)).toEqual([{ region: "GB", reports: 1 }]);
  });

  it("rejects an unknown service and suggests close names", async () => {
    const { intake } = setup();
    const result = await intake.submit(offer({ service: "twiter" }));
    expect(result).toMatchObject({ accepted: false, reason: "unknown_service" });
    expect(result.accepted === false && result.message).toMatch(/Did you mean .*X/);
  });

  it("rejects an unknown region with the reason", async () => {
    const { intake } = setup();
    const result = await intake.submit(offer({ region: "Atlantis" }));
    expect(result).toMatchObject({ accepted: false, reason: "unknown_region" });
    expect(result.accepted === false && result.message).toContain("Atlantis");
  });

  it("keeps only salted hashes of the reporter and the origin", () => {
    const aggregator = createAggregator();
    const seen: string[] = [];
    const spy = {
      ...aggregator,
      ingest: (r: Parameters<typeof aggregator.ingest>[0]) => {
        seen.push(JSON.stringify(r));
        return aggregator.ingest(r);
      },
    };
    const intake = createReportIntake({ catalog, regions, aggregator: spy, salt: "s1" });
    return intake.submit(offer({ reporter: "user-42", origin: "guild-7" })).then(() => {
      expect(seen[0]).not.toContain("user-42");
      expect(seen[0]).not.toContain("guild-7");
      expect(JSON.parse(seen[0]!)).toMatchObject({ serviceId: "x", region: "GB", source: "discord" });
    });
  });

  it("counts one Discord user once per service within 15 minutes", async () => {
    const { intake } = setup();
    await intake.submit(offer());
    expect(await intake.submit(offer({ at: T0 + MIN }))).toMatchObject({ reason: "duplicate" });
  });

  it("rejects a report from the future of the intake's clock", async () => {
    const { intake } = setup();
    expect(await intake.submit(offer({ at: T0 + 70 * MIN }))).toMatchObject({ reason: "in_future" });
  });
});

describe("status board", () => {
  it("returns exactly the StatusReport shape for a service in a major outage", async () => {
    const { aggregator, board } = setup();
    history(aggregator, 30, 6, "x");
    aggregator.tick(T0);
    feedMinutes(aggregator, 0, 20, (m) => (m >= 5 ? 60 : 0), { serviceId: "x" });
    const status = await board.status("x", T0 + 20 * MIN);
    expect(StatusReportSchema.strict().safeParse(status).success).toBe(true);
    expect(StatusReportSchema.parse(status)).toEqual(status);
    expect(status).toMatchObject({
      service: { id: "x", name: "X" },
      level: "major_outage",
      since: new Date(T0 + 5 * MIN).toISOString(),
      asOf: new Date(T0 + 20 * MIN).toISOString(),
      // 30 hours of history: the usual is a rough guess, so no ratio is given against it.
      crowd: { last15m: 900, baselineHour: 6, ratio: null, littleHistory: true },
      regions: [{ region: "GB", name: "United Kingdom", share: 1 }],
      problems: [{ problem: "app", share: 1 }],
      incident: { id: "x-20250602T0005Z", level: "major_outage", resolvedAt: null },
      official: null,
    });
    expect(status.reason).toBe(
      "900 reports in the last 15 min (904 in the last hour). Little history yet, so there is no usual rate to compare with.",
    );
  });

  it("reports an unknown-to-the-crowd service as operational with no reports", async () => {
    const { board } = setup();
    const status = await board.status("github", T0);
    expect(StatusReportSchema.parse(status)).toEqual(status);
    expect(status).toMatchObject({
      level: "operational",
      since: null,
      reason: "No reports in the last hour.",
      incident: null,
    });
  });

  it("lists services with problems now, worst first", async () => {
    const { aggregator, board } = setup();
    feedMinutes(aggregator, 0, 10, () => 2, { serviceId: "github" });
    feedMinutes(aggregator, 0, 10, () => 40, { serviceId: "x" });
    feedMinutes(aggregator, 0, 10, () => 0, { serviceId: "discord" });
    const list = await board.problems(T0 + 10 * MIN);
    expect(list.map((s) => [s.service.id, s.level])).toEqual([
      ["x", "major_outage"],
      ["github", "degraded"],
    ]);
  });

  it("breaks reports down by region over a window, with no usual count while there is little history", async () => {
    const { aggregator, board } = setup();
    feedMinutes(aggregator, 0, 10, () => 3, { serviceId: "x", region: "JP" });
    const breakdown = await board.regions("x", "15m", T0 + 10 * MIN);
    expect(breakdown).toMatchObject({ serviceId: "x", window: "15m", total: 30, officialComponents: [] });
    expect(breakdown.littleHistory).toBe(true);
    expect(breakdown.rows).toEqual([{ region: "JP", name: "Japan", reports: 30, share: 1, usual: 0 }]);
  });

  it("gives each region the usual count of the window once two weeks of history exist", async () => {
    const { aggregator, board } = setup();
    for (let h = 2 * 168; h > 0; h--)
      for (let i = 0; i < 8; i++)
        aggregator.ingest(report({ serviceId: "x", region: "JP", at: T0 - h * 3_600_000 + i * 7 * MIN }));
    feedMinutes(aggregator, 0, 10, () => 3, { serviceId: "x", region: "JP" });
    const breakdown = await board.regions("x", "15m", T0 + 10 * MIN);
    expect(breakdown.littleHistory).toBeUndefined();
    expect(breakdown.rows).toEqual([{ region: "JP", name: "Japan", reports: 30, share: 1, usual: 2 }]);
  });

  it("gives a chart series against the usual level", async () => {
    const { aggregator, board } = setup();
    feedMinutes(aggregator, 0, 30, (m) => (m >= 20 ? 40 : 0), { serviceId: "x" });
    const series = await board.series("x", T0, T0 + 30 * MIN, 10 * MIN);
    expect(series.map((p) => p.reports)).toEqual([0, 0, 400]);
    expect(series.map((p) => p.level)).toEqual(["operational", "operational", "major_outage"]);
    expect(series[0]!.usual).toBeCloseTo(2 / 6, 1);
  });

  it("combines an official status through the hook and shows it", async () => {
    const official: OfficialStatus = {
      indicator: "major",
      description: "Major outage",
      pageUrl: "https://status.example.com",
      components: [{ name: "Frankfurt", status: "major_outage", group: null, region: "DE" }],
      incidents: [],
      maintenance: [],
      fetchedAt: new Date(T0).toISOString(),
      stale: false,
      ageSeconds: 30,
      error: null,
    };
    const aggregator = createAggregator();
    const board = createStatusBoard({ catalog, regions, aggregator, official: () => official });
    const status = await board.status("github", T0);
    expect(status.level).toBe("partial_outage");
    // Its age is counted to the time asked.
    expect(status.official).toEqual({ ...official, ageSeconds: 0 });
    expect(status.since).toBe(new Date(T0).toISOString());
    expect((await board.regions("github", "1h", T0)).officialComponents).toEqual([
      { name: "Frankfurt", status: "major_outage", region: "DE" },
    ]);
    const crowdBoard = createStatusBoard({
      catalog,
      regions,
      aggregator,
      official: () => official,
      combine: crowdOnly,
    });
    expect((await crowdBoard.status("github", T0)).level).toBe("operational");
  });

  it("lists active and recent incidents", async () => {
    const { aggregator, board } = setup();
    feedMinutes(aggregator, 0, 60, (m) => (m >= 5 && m < 20 ? 40 : 0), { serviceId: "x" });
    expect(await board.incidents({ state: "active", at: T0 + 60 * MIN })).toEqual([]);
    const recent = await board.incidents({ state: "recent", at: T0 + 60 * MIN });
    expect(recent.map((i) => i.id)).toEqual(["x-20250602T0005Z"]);
    expect((await board.status("x", T0 + 60 * MIN)).incident?.resolvedAt).not.toBeNull();
  });
});

describe("one story across the board's answers", () => {
  it("gives region rows that add up to the status's last-hour total, reports without a region in their own row", async () => {
    const { aggregator, board } = setup();
    feedMinutes(aggregator, 0, 30, () => 12, { serviceId: "x" });
    feedMinutes(aggregator, 0, 30, () => 3, { serviceId: "x", region: null });
    const at = T0 + 30 * MIN;
    const status = await board.status("x", at);
    const breakdown = await board.regions("x", "1h", at);
    expect(breakdown.total).toBe(status.crowd.lastHour);
    expect(breakdown.rows.reduce((sum, r) => sum + r.reports, 0)).toBe(status.crowd.lastHour);
    expect(breakdown.rows.find((r) => r.region === "unknown")).toMatchObject({ name: "Region not given", reports: 90 });
    expect(status.regions.reduce((sum, r) => sum + r.reports, 0)).toBe(status.crowd.lastHour);
  });

  it("counts only minutes that ended by the time asked, so a report a second later is not in it", async () => {
    const { aggregator, board } = setup();
    aggregator.ingest(report({ serviceId: "x", at: T0 + 10 * MIN + 1_000 }));
    expect((await board.status("x", T0 + 10 * MIN)).crowd.lastHour).toBe(0);
    expect((await board.status("x", T0 + 11 * MIN)).crowd.lastHour).toBe(1);
  });
});

describe("the official side as of a time", () => {
  const checked = (at: number): OfficialStatus => ({
    indicator: "none",
    description: "All Systems Operational",
    pageUrl: "https://status.example.com",
    components: [],
    incidents: [],
    maintenance: [],
    fetchedAt: new Date(at).toISOString(),
    stale: false,
    ageSeconds: 0,
    error: null,
    checkedAt: new Date(at).toISOString(),
  });

  it("says the vendor's state is unknown for a time before the only check kept", async () => {
    const board = createStatusBoard({
      catalog,
      regions,
      aggregator: createAggregator(),
      official: () => checked(T0 + HOUR),
    });
    const status = await board.status("github", T0);
    expect(status.official).toMatchObject({ indicator: null, fetchedAt: null, error: OFFICIAL_NOT_KNOWN_YET });
    expect(JSON.stringify(status)).not.toContain(new Date(T0 + HOUR).toISOString());
  });

  it("raises the level to degraded for an open vendor incident not graded yet", async () => {
    const official: OfficialStatus = {
      ...checked(T0),
      incidents: [
        {
          id: "i",
          name: "Investigating errors",
          status: "investigating",
          impact: "none",
          startedAt: null,
          updatedAt: null,
          latestUpdate: null,
          url: null,
        },
      ],
    };
    const board = createStatusBoard({ catalog, regions, aggregator: createAggregator(), official: () => official });
    const status = await board.status("github", T0 + MIN);
    expect(status.level).toBe("degraded");
    expect(status.reason).toContain("the vendor is investigating: Investigating errors");
  });
});
