import fetch from "node-fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Service, ServiceSchema } from "../../src/domain/service.js";
import { createPoller, type StatusPageMove } from "../../src/sources/poller.js";
import { probeStatusPage } from "../../src/sources/probe.js";
import { createSourceRegistry } from "../../src/sources/registry.js";
import { type StatusPageServer, startStatusPageServer } from "../support/status-page-server.js";

const NOW = Date.parse("2026-11-26T11:00:00Z");
const quiet = { debug: () => {}, info: () => {}, warn: () => {} };
const sources = createSourceRegistry();
let server: StatusPageServer;

beforeAll(async () => {
  server = await startStatusPageServer();
});
afterAll(() => server.close());

function pollerOf(services: Service[], moves: StatusPageMove[] = []) {
  const ctx = { fetch, now: () => NOW, limits: { timeoutMs: 2_000 } };
  return createPoller({
    catalog: { all: () => services, get: (id) => services.find((s) => s.id === id) },
    fetch,
    now: () => NOW,
    logger: quiet,
    sources,
    limits: { timeoutMs: 2_000 },
    reprobe: async (_service, page) => {
      const found = await probeStatusPage(page.url, ctx, sources);
      return found.ok ? found.page : null;
    },
    onPageMoved: (move) => {
      moves.push(move);
    },
  });
}

const service = (id: string, path: string) =>
  ServiceSchema.parse({
    id,
    name: `Example ${id}`,
    category: "dev",
    statusPage: { kind: "atlassian", url: `${server.url}${path}` },
  });

describe("a status page that moved platforms", () => {
  it("is probed again after it stops parsing, switched to, and the move recorded once", async () => {
    server.route("/moving/api/v2/summary.json", { fixture: "atlassian/major.json" }, { status: 404, body: "gone" });
    server.route("/moving", {
      body: "<html><head><title>Example Moving</title></head><body>Powered by Instatus</body></html>",
      headers: { "content-type": "text/html" },
    });
    server.route("/moving/summary.json", { fixture: "instatus/issues.json" });
    const moves: StatusPageMove[] = [];
    const poller = pollerOf([service("moving", "/moving")], moves);

    expect((await poller.pollOnce())[0]).toMatchObject({ result: "updated" });
    // One unreadable answer is not yet a move: no probe.
    expect((await poller.pollOnce())[0]).toMatchObject({ result: "error", error: { httpStatus: 404 } });
    expect(server.hits("/moving")).toBe(0);

    const [switched] = await poller.pollOnce();
    expect(switched!.changes[0]).toBe(`moved its status page to instatus ${server.url}/moving`);
    expect(switched).toMatchObject({ result: "updated", error: null });
    expect(switched!.official).toMatchObject({ indicator: "critical", stale: false });
    expect(moves).toEqual([
      {
        serviceId: "moving",
        from: { kind: "atlassian", url: `${server.url}/moving` },
        to: { kind: "instatus", url: `${server.url}/moving` },
        at: NOW,
      },
    ]);

    const oldHits = server.hits("/moving/api/v2/summary.json");
    const newHits = server.hits("/moving/summary.json");
    await poller.pollOnce();
    expect(server.hits("/moving/api/v2/summary.json")).toBe(oldHits);
    expect(server.hits("/moving/summary.json")).toBe(newHits + 1);
    expect(moves).toHaveLength(1);
  });

  it("stays on its page, stale with the error, when the probe finds nothing better", async () => {
    server.route(
      "/broken/api/v2/summary.json",
      { fixture: "atlassian/minor.json" },
      {
        body: "<html><body>Down for maintenance</body></html>",
        headers: { "content-type": "text/html" },
      },
    );
    server.route("/broken", { body: "<html><title>Broken</title></html>", headers: { "content-type": "text/html" } });
    const moves: StatusPageMove[] = [];
    const poller = pollerOf([service("broken", "/broken")], moves);
    await poller.pollOnce();
    await poller.pollOnce();
    const [third] = await poller.pollOnce();
    expect(server.hits("/broken")).toBe(1);
    expect(third).toMatchObject({ result: "error", official: { indicator: "minor", stale: true } });
    expect(moves).toEqual([]);
  });
});

describe("one page, several services", () => {
  it("polls the same URL once however many services reference it", async () => {
    server.route("/shared/api/v2/summary.json", { fixture: "atlassian/minor.json" });
    const poller = pollerOf([service("one", "/shared"), service("two", "/shared"), service("three", "/shared")]);
    const outcomes = await poller.pollOnce();
    expect(outcomes.map((o) => [o.serviceId, o.official.indicator])).toEqual([
      ["one", "minor"],
      ["two", "minor"],
      ["three", "minor"],
    ]);
    expect(server.hits("/shared/api/v2/summary.json")).toBe(1);
    expect((await poller.pollOnce(["two"])).map((o) => o.serviceId)).toEqual(["two"]);
    expect(server.hits("/shared/api/v2/summary.json")).toBe(2);
  });
});
