import { parseFeed } from "@rowanmanning/feed-parser";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStatusBoard } from "../../src/aggregator/index.js";
import { runReplay } from "../../src/aggregator/scenarios/index.js";
import { createCatalog } from "../../src/catalog/catalog.js";
import { createRegionDirectory } from "../../src/catalog/regions.js";
import { builtInServices } from "../../src/catalog/services-data.js";
import type { StatusBoard } from "../../src/domain/board.js";
import { createHttpServer, type HttpServer } from "../../src/http/index.js";
import { createMetrics } from "../../src/metrics/metrics.js";

// The X outage scenario replayed through the real aggregator: real incidents behind the feed.
let server: HttpServer;
let base: string;
let board: StatusBoard;
let end: number;

beforeAll(async () => {
  const replay = runReplay("x-outage");
  end = replay.scenario.end;
  const catalog = createCatalog(builtInServices);
  const regions = createRegionDirectory();
  board = createStatusBoard({ catalog, regions, aggregator: replay.aggregator });
  const intake = { submit: async () => ({ accepted: false as const, reason: "read-only" }) };
  server = createHttpServer({
    ctx: { catalog, regions, board, intake: intake as never, now: () => end },
    metrics: createMetrics(),
    logger: pino({ level: "silent" }),
    config: {
      API_RATE_LIMIT_PER_MIN: 0,
      HTTP_BODY_LIMIT_BYTES: 1_048_576,
      HTTP_MAX_REPORTS_PER_REQUEST: 5_000,
      HTTP_CACHE_MAX_AGE_S: 15,
      DISCORD_MAX_CLOCK_SKEW_S: 300,
    },
    chartSvg: null,
  });
  const { port } = await server.listen(0);
  base = `http://127.0.0.1:${port}`;
});
afterAll(() => server.close());

describe("Atom feed of incidents", () => {
  it("serves every recent incident as a valid Atom entry, newest update first", async () => {
    const res = await fetch(`${base}/feed.atom`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    const feed = parseFeed(await res.text());
    const incidents = await board.incidents({ state: "recent", at: end, limit: 50 });
    expect(incidents.length).toBeGreaterThan(0);
    expect(feed.meta.type).toBe("atom");
    expect(feed.items.map((i) => i.id)).toEqual(
      [...incidents].sort((a, b) => b.updatedAt - a.updatedAt).map((i) => `urn:outage-bot:incident:${i.id}`),
    );
    expect(feed.updated?.getTime()).toBe(Math.max(...incidents.map((i) => i.updatedAt)));
    expect(feed.self).toBe(`${base}/feed.atom`);
  });

  it("titles each entry with the service, worst level and state, and dates it by its last update", async () => {
    const feed = parseFeed(await (await fetch(`${base}/feed.atom`)).text());
    const [incident] = await board.incidents({ serviceId: "x", state: "recent", at: end, limit: 1 });
    const entry = feed.items.find((i) => i.id === `urn:outage-bot:incident:${incident!.id}`);
    expect(entry?.title).toMatch(/^X: (Degraded|Partial outage|Major outage)(, resolved| \(now .+\))$/);
    expect(entry?.updated?.getTime()).toBe(incident!.updatedAt);
    expect(entry?.published?.getTime()).toBe(incident!.startedAt);
    expect(entry?.url).toBe(`${base}/api/status/x`);
    expect(entry?.description).toContain(`${incident!.totalReports} reports`);
  });

  it("serves one service's incidents by any of its names", async () => {
    const feed = parseFeed(await (await fetch(`${base}/feed/twitter.atom`)).text());
    const incidents = await board.incidents({ serviceId: "x", state: "recent", at: end, limit: 50 });
    expect(feed.title).toBe("X incidents — outage-bot");
    expect(feed.items).toHaveLength(incidents.length);
    expect(feed.self).toBe(`${base}/feed/x.atom`);
  });

  it("serves a valid empty feed for a service without incidents", async () => {
    const feed = parseFeed(await (await fetch(`${base}/feed/github.atom`)).text());
    expect(feed.items).toEqual([]);
    expect(feed.updated?.getTime()).toBe(end);
  });

  it("answers 404 with suggestions for an unknown service", async () => {
    const res = await fetch(`${base}/feed/gthub.atom`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: string }).error).toBe("unknown_service");
  });
});
