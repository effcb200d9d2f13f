import fetch from "node-fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAggregator, createStatusBoard } from "../../src/aggregator/index.js";
import { createCatalog } from "../../src/catalog/catalog.js";
import { createRegionDirectory } from "../../src/catalog/regions.js";
import { ServiceSchema } from "../../src/domain/service.js";
import { StatusReportSchema } from "../../src/domain/status-report.js";
import { createComponentRegionMapper } from "../../src/sources/component-regions.js";
import { createPoller } from "../../src/sources/poller.js";
import { type StatusPageServer, startStatusPageServer } from "../support/status-page-server.js";

let server: StatusPageServer;
const AT = Date.parse("2026-11-26T11:00:00Z");
const quiet = { debug: () => {}, info: () => {}, warn: () => {} };

beforeAll(async () => {
  server = await startStatusPageServer();
  server.route("/cf/api/v2/summary.json", { fixture: "atlassian/regions.json" });
  server.route("/gh/api/v2/summary.json", { fixture: "atlassian/major.json" });
});
afterAll(() => server.close());

describe("official status on the status board", () => {
  it("raises the level, says why, and lists components that name a place beside the crowd regions", async () => {
    const catalog = createCatalog(
      ServiceSchema.array().parse([
        {
          id: "cloudflare",
          name: "Cloudflare",
          category: "cloud",
          statusPage: { kind: "atlassian", url: `${server.url}/cf` },
        },
        { id: "github", name: "GitHub", category: "dev", statusPage: { kind: "atlassian", url: `${server.url}/gh` } },
      ]),
    );
    const regions = createRegionDirectory();
    const poller = createPoller({
      catalog,
      fetch,
      now: () => AT,
      logger: quiet,
      regionOf: createComponentRegionMapper(regions),
    });
    await poller.pollOnce();
    const board = createStatusBoard({ catalog, regions, aggregator: createAggregator(), official: poller.official });

    const github = StatusReportSchema.parse(await board.status("github", AT + 60_000));
    expect(github).toMatchObject({ level: "partial_outage", reason: "Official status page: Partial System Outage" });
    expect(github.official).toMatchObject({ indicator: "major", stale: false, ageSeconds: 60 });

    const breakdown = await board.regions("cloudflare", "1h", AT);
    expect(breakdown.officialComponents).toEqual([
      { name: "Frankfurt, Germany - (FRA)", status: "partial_outage", region: "DE" },
      { name: "London, United Kingdom - (LHR)", status: "operational", region: "GB" },
      { name: "Ashburn, VA, United States - (IAD)", status: "under_maintenance", region: "US" },
    ]);
    expect((await board.problems(AT)).map((r) => r.service.id).sort()).toEqual(["cloudflare", "github"]);
  });
});
