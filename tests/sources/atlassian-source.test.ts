import fetch from "node-fetch";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { StatusPage } from "../../src/domain/service.js";
import { createAtlassianSource } from "../../src/sources/atlassian-source.js";
import { createComponentRegionMapper } from "../../src/sources/component-regions.js";
import type { SourceFetchContext, SourceResult } from "../../src/sources/source.js";
import { userAgent } from "../../src/sources/user-agent.js";
import { fixtureJson, type StatusPageServer, startStatusPageServer } from "../support/status-page-server.js";

let server: StatusPageServer;
let n = 0;
const source = createAtlassianSource({ regionOf: createComponentRegionMapper() });
const NOW = Date.parse("2026-11-26T11:00:00Z");

beforeAll(async () => {
  server = await startStatusPageServer();
});
afterAll(() => server.close());

/** A fresh page on the server scripted with `steps`; returns its catalog entry. */
function page(...steps: Parameters<StatusPageServer["route"]>[1][]): StatusPage {
  const base = `/p${++n}`;
  server.route(`${base}/api/v2/summary.json`, ...steps);
  return { kind: "atlassian", url: `${server.url}${base}` };
}

function poll(p: StatusPage, extra: Partial<SourceFetchContext> = {}): Promise<SourceResult> {
  return source.fetch(p, { fetch, now: () => NOW, limits: { timeoutMs: 2_000 }, ...extra });
}

async function good(p: StatusPage) {
  const result = await poll(p);
  if (!result.ok || result.notModified) throw new Error(`expected a snapshot, got ${JSON.stringify(result)}`);
  return result.status;
}

async function failure(p: StatusPage, extra: Partial<SourceFetchContext> = {}) {
  const result = await poll(p, extra);
  if (result.ok) throw new Error("expected an error");
  return result.error;
}

describe("Atlassian Statuspage v2 source over real HTTP", () => {
  it.each([
    ["operational", "none", "All Systems Operational"],
    ["minor", "minor", "Minor Service Outage"],
    ["major", "major", "Partial System Outage"],
    ["critical", "critical", "Major System Outage"],
    ["maintenance", "maintenance", "Service Under Maintenance"],
  ])("reads the %s page indicator", async (name, indicator, description) => {
    const status = await good(page({ fixture: `atlassian/${name}.json` }));
    expect(status.indicator).toBe(indicator);
    expect(status.description).toBe(description);
    expect(status.pageUrl).toBe("https://www.examplestatus.com");
  });

  it("reads every component status and maps children to their group's name", async () => {
    const statuses = new Map<string, string>();
    for (const name of ["operational", "minor", "major", "critical", "maintenance"]) {
      for (const c of (await good(page({ fixture: `atlassian/${name}.json` }))).components) {
        statuses.set(c.status, c.name);
      }
    }
    expect([...statuses.keys()].sort()).toEqual([
      "degraded_performance",
      "major_outage",
      "operational",
      "partial_outage",
      "under_maintenance",
    ]);
    const status = await good(page({ fixture: "atlassian/major.json" }));
    expect(status.components.map((c) => c.name)).not.toContain("API");
    expect(status.components.find((c) => c.name === "REST API")).toMatchObject({
      group: "API",
      status: "partial_outage",
    });
    expect(status.components.find((c) => c.name === "Website")).toMatchObject({ group: null });
  });

  it("keeps unresolved incidents with their impact and latest update", async () => {
    const status = await good(page({ fixture: "atlassian/critical.json" }));
    expect(status.incidents.map((i) => [i.name, i.impact, i.status])).toEqual([
      ["Git operations unavailable", "critical", "investigating"],
      ["Delayed webhook deliveries", "none", "monitoring"],
    ]);
    expect(status.incidents[1]?.latestUpdate).toBe("A fix is in place; we are monitoring webhook latency.");
    const minor = await good(page({ fixture: "atlassian/minor.json" }));
    expect(minor.incidents[0]).toMatchObject({
      impact: "minor",
      latestUpdate: "We are still investigating slow page loads.",
    });
    const major = await good(page({ fixture: "atlassian/major.json" }));
    expect(major.incidents[0]).toMatchObject({ impact: "major", url: "https://stspg.io/inc-ma" });
  });

  it("lists maintenance in progress and leaves future maintenance out", async () => {
    const status = await good(page({ fixture: "atlassian/maintenance.json" }));
    expect(status.maintenance.map((m) => m.name)).toEqual(["Scheduled Pages maintenance"]);
    expect((await good(page({ fixture: "atlassian/operational.json" }))).maintenance).toEqual([]);
  });

  it("maps data centre components to ISO regions", async () => {
    const status = await good(page({ fixture: "atlassian/regions.json" }));
    expect(status.components.map((c) => [c.name, c.region])).toEqual([
      ["Frankfurt, Germany - (FRA)", "DE"],
      ["London, United Kingdom - (LHR)", "GB"],
      ["Ashburn, VA, United States - (IAD)", "US"],
      ["Cloudflare Dashboard", null],
    ]);
  });

  it("keeps the valid components of a summary that has no incidents key", async () => {
    const body = fixtureJson<Record<string, unknown>>("atlassian/minor.json");
    const components = (body.components as unknown[]).length;
    delete body.incidents;
    const status = await good(page({ body }));
    expect(status.indicator).toBe("minor");
    expect(status.components.length).toBeGreaterThan(0);
    expect(status.components.length).toBeLessThanOrEqual(components);
    expect(status.incidents).toEqual([]);
  });

  it("accepts unknown extra fields", async () => {
    const body = fixtureJson<Record<string, unknown>>("atlassian/minor.json");
    body.brand_new_field = { nested: true };
    const status = await good(page({ body }));
    expect(status.indicator).toBe("minor");
  });

  it("sends a User-Agent naming the bot and asks for JSON", async () => {
    const p = page({ fixture: "atlassian/operational.json" });
    await good(p);
    const seen = server.requests.at(-1)!;
    expect(seen.headers["user-agent"]).toMatch(/^outage-bot\/\d+\.\d+\.\d+ \(status page poller\)$/);
    expect(seen.headers.accept).toBe("application/json");
  });

  it("puts the operator's contact in the User-Agent when one is set", async () => {
    const p = page({ fixture: "atlassian/operational.json" });
    await poll(p, { limits: { userAgent: userAgent("mailto:ops@example.org") } });
    expect(server.requests.at(-1)!.headers["user-agent"]).toMatch(
      /^outage-bot\/\d+\.\d+\.\d+ \(\+mailto:ops@example\.org\)$/,
    );
  });

  it("answers 304 when the ETag still matches, and sends If-None-Match", async () => {
    const p = page({ fixture: "atlassian/operational.json", etag: '"v1"' });
    const first = await poll(p);
    expect(first).toMatchObject({ ok: true, notModified: false, etag: '"v1"' });
    const second = await poll(p, { etag: '"v1"' });
    expect(second).toMatchObject({ ok: true, notModified: true, status: null, etag: '"v1"' });
    expect(server.requests.at(-1)!.headers["if-none-match"]).toBe('"v1"');
  });

  it("sends If-Modified-Since from the last Last-Modified", async () => {
    const p = page({
      fixture: "atlassian/operational.json",
      headers: { "last-modified": "Thu, 26 Nov 2026 10:00:00 GMT" },
    });
    const first = await poll(p);
    expect(first).toMatchObject({ ok: true, lastModified: "Thu, 26 Nov 2026 10:00:00 GMT" });
    await poll(p, { lastModified: "Thu, 26 Nov 2026 10:00:00 GMT" });
    expect(server.requests.at(-1)!.headers["if-modified-since"]).toBe("Thu, 26 Nov 2026 10:00:00 GMT");
  });

  it("reports 429 with the Retry-After seconds", async () => {
    const error = await failure(page({ status: 429, headers: { "retry-after": "120" }, body: "{}" }));
    expect(error).toMatchObject({ kind: "http", httpStatus: 429, retryAfterMs: 120_000 });
  });

  it("reports 503 with a Retry-After HTTP date", async () => {
    const error = await failure(
      page({ status: 503, headers: { "retry-after": "Thu, 26 Nov 2026 11:05:00 GMT" }, body: "" }),
    );
    expect(error).toMatchObject({ kind: "http", httpStatus: 503, retryAfterMs: 300_000 });
  });

  it("reports a 500 as an http error", async () => {
    const error = await failure(page({ status: 500, body: "oops" }));
    expect(error).toMatchObject({ kind: "http", httpStatus: 500 });
    expect(error.reason).toContain("HTTP 500");
  });

  it("times out on a page that never answers", async () => {
    const error = await failure(page({ hang: true }), { limits: { timeoutMs: 300 } });
    expect(error).toMatchObject({ kind: "timeout" });
  });

  it("times out on a body that never ends", async () => {
    const error = await failure(page({ endless: true }), { limits: { timeoutMs: 300 } });
    expect(error).toMatchObject({ kind: "timeout" });
  });

  it("hangs up on an error page whose body never ends", async () => {
    const error = await failure(page({ status: 500, endless: true }), { limits: { timeoutMs: 5_000 } });
    expect(error).toMatchObject({ kind: "http", httpStatus: 500 });
    await vi.waitFor(() => expect(server.openStreams()).toBe(0));
  });

  it("hangs up on an HTML page whose body never ends", async () => {
    const error = await failure(page({ endless: true, headers: { "content-type": "text/html" } }), {
      limits: { timeoutMs: 5_000 },
    });
    expect(error.kind).toBe("parse");
    await vi.waitFor(() => expect(server.openStreams()).toBe(0));
  });

  it("reports invalid JSON as a parse error", async () => {
    const error = await failure(page({ body: '{"page": {"id": ' }));
    expect(error.kind).toBe("parse");
    expect(error.reason).toContain("invalid JSON");
  });

  it("says so when the page serves HTML instead of JSON", async () => {
    const error = await failure(
      page({ body: "<!doctype html><h1>Status</h1>", headers: { "content-type": "text/html" } }),
    );
    expect(error.kind).toBe("parse");
    expect(error.reason).toContain("HTML");
  });

  it("says so when HTML comes labelled as JSON", async () => {
    const error = await failure(page({ body: "<html><body>Just a moment...</body></html>" }));
    expect(error).toMatchObject({ kind: "parse" });
    expect(error.reason).toContain("HTML");
  });

  it("reports schema drift (a missing required field) with the field's path", async () => {
    const error = await failure(page({ fixture: "atlassian/drift.json" }));
    expect(error.kind).toBe("parse");
    expect(error.reason).toContain("status.indicator");
  });

  it("reports a component status outside the published five as schema drift", async () => {
    const error = await failure(page({ fixture: "atlassian/drift-component-status.json" }));
    expect(error.kind).toBe("parse");
    expect(error.reason).toContain("components.3.status");
  });

  it.each([true, false])("stops reading an oversized body (Content-Length declared: %s)", async (declare) => {
    const error = await failure(page({ oversized: { bytes: 3 * 1024 * 1024, declare } }));
    expect(error.kind).toBe("too_large");
  });

  it("reports a redirect loop", async () => {
    n++;
    server.route(`/loop${n}/api/v2/summary.json`, { redirectTo: `/loop${n}/b` });
    server.route(`/loop${n}/b`, { redirectTo: `/loop${n}/api/v2/summary.json` });
    const error = await failure({ kind: "atlassian", url: `${server.url}/loop${n}` });
    expect(error.kind).toBe("redirect");
    expect(error.reason).toContain("loop");
  });

  it("gives up after too many redirects", async () => {
    n++;
    for (let i = 0; i < 8; i++) server.route(`/hops${n}/${i}`, { redirectTo: `/hops${n}/${i + 1}` });
    server.route(`/hops${n}/api/v2/summary.json`, { redirectTo: `/hops${n}/0` });
    const error = await failure({ kind: "atlassian", url: `${server.url}/hops${n}` });
    expect(error.kind).toBe("redirect");
    expect(error.reason).toContain("more than 5 redirects");
  });

  it("follows a plain redirect to the JSON", async () => {
    n++;
    server.route(`/moved${n}/api/v2/summary.json`, { redirectTo: `/new${n}/summary.json` });
    server.route(`/new${n}/summary.json`, { fixture: "atlassian/minor.json" });
    expect((await good({ kind: "atlassian", url: `${server.url}/moved${n}` })).indicator).toBe("minor");
  });

  it("refuses to follow a redirect away from http(s)", async () => {
    const error = await failure(page({ redirectTo: "file:///etc/passwd" }));
    expect(error.kind).toBe("redirect");
  });

  it("reports a refused connection as a network error", async () => {
    const closed = await startStatusPageServer();
    const url = closed.url;
    await closed.close();
    const error = await failure({ kind: "atlassian", url });
    expect(error.kind).toBe("network");
  });
});
