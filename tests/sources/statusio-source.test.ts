import fc from "fast-check";
import fetch from "node-fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtInServices } from "../../src/catalog/services-data.js";
import { OfficialSnapshotSchema } from "../../src/domain/official.js";
import { type StatusPage, StatusPageSchema } from "../../src/domain/service.js";
import { createComponentRegionMapper } from "../../src/sources/component-regions.js";
import { createSourceRegistry } from "../../src/sources/registry.js";
import { createStatusioSource, readStatusioStatus, statusioEndpoint } from "../../src/sources/statusio-source.js";
import { fixtureJson, type StatusPageServer, type Step, startStatusPageServer } from "../support/status-page-server.js";

const GITLAB_ID = "5b36dc6502d06804c08349f7";
const T0 = Date.parse("2026-11-26T11:00:00Z");
let server: StatusPageServer;
let source: ReturnType<typeof createStatusioSource>;
let n = 0;

beforeAll(async () => {
  server = await startStatusPageServer();
  // The API base moves to loopback; the catalog-shaped page (public URL + page id) stays as in production.
  source = createStatusioSource({ apiBase: server.url, regionOf: createComponentRegionMapper() });
});
afterAll(() => server.close());

/** A catalog-shaped page whose API answers with `steps`, each test on its own page id. */
function page(...steps: Step[]): StatusPage {
  const pageId = (++n).toString(16).padStart(24, "0");
  server.route(`/1.0/status/${pageId}`, ...steps);
  return { kind: "statusio", url: "https://status.gitlab.com", pageId };
}

async function poll(p: StatusPage, extra: { etag?: string } = {}) {
  return source.fetch(p, { fetch, now: () => T0, limits: { timeoutMs: 2_000 }, ...extra });
}

async function good(p: StatusPage) {
  const result = await poll(p);
  if (!result.ok || result.notModified) throw new Error(`expected a snapshot, got ${JSON.stringify(result)}`);
  return result.status;
}

describe("status.io endpoint", () => {
  it("builds the public status API URL from the catalog's page id", () => {
    const gitlab: StatusPage = { kind: "statusio", url: "https://status.gitlab.com", pageId: GITLAB_ID };
    expect(statusioEndpoint(gitlab)).toBe(`https://api.status.io/1.0/status/${GITLAB_ID}`);
  });

  it("keeps a URL that already is the API, and reads the id from a status.io/pages/<id> URL", () => {
    const api = `https://api.status.io/1.0/status/${GITLAB_ID}`;
    expect(statusioEndpoint({ kind: "statusio", url: api })).toBe(api);
    expect(statusioEndpoint({ kind: "statusio", url: `https://status.io/pages/${GITLAB_ID}` })).toBe(api);
  });

  it("points the built-in GitLab and Roblox pages at their status.io API", () => {
    const pages = Object.fromEntries(builtInServices.map((s) => [s.id, s.statusPage]));
    expect(statusioEndpoint(pages.gitlab!)).toBe(`https://api.status.io/1.0/status/${GITLAB_ID}`);
    expect(statusioEndpoint(pages.roblox!)).toBe("https://api.status.io/1.0/status/59db90dbcdeb2f04dadcf16d");
    expect(pages.gitlab!.url).toBe("https://status.gitlab.com");
  });

  it("accepts a page id only as 24 hex digits in the catalog", () => {
    const base = { kind: "statusio", url: "https://status.gitlab.com" };
    expect(StatusPageSchema.safeParse({ ...base, pageId: GITLAB_ID }).success).toBe(true);
    expect(StatusPageSchema.safeParse({ ...base, pageId: "../../admin" }).success).toBe(false);
    expect(StatusPageSchema.safeParse(base).success).toBe(true);
  });

  it("is in the default source registry", () => {
    expect(createSourceRegistry().statusio?.kind).toBe("statusio");
  });
});

describe("status.io source over real HTTP", () => {
  it("reads an all-operational page, its components grouped by container", async () => {
    const p = page({ fixture: "statusio/operational.json" });
    const status = await good(p);
    expect(status).toMatchObject({
      indicator: "none",
      description: "Operational",
      pageUrl: "https://status.gitlab.com",
    });
    expect(status.components.map((c) => [c.group, c.name, c.status])).toEqual([
      ["Google Compute Engine", "Website", "operational"],
      ["Google Compute Engine", "API", "operational"],
      ["Google Compute Engine", "Git Operations", "operational"],
      ["Google Compute Engine", "Container Registry", "operational"],
    ]);
    // Upcoming maintenance is not maintenance in progress.
    expect(status.incidents).toEqual([]);
    expect(status.maintenance).toEqual([]);
    const seen = server.requests.find((r) => r.path === `/1.0/status/${p.pageId}`);
    expect(seen?.headers["user-agent"]).toMatch(/outage-bot/i);
  });

  it.each([
    ["operational", 100, "none"],
    ["maintenance", 200, "maintenance"],
    ["degraded", 300, "minor"],
    ["partial", 400, "major"],
    ["disruption", 500, "critical"],
    ["security", 600, "critical"],
  ])("maps an overall %s page (code %i) to indicator %s", async (name, _code, indicator) => {
    expect((await good(page({ fixture: `statusio/${name}.json` }))).indicator).toBe(indicator);
  });

  it("maps each container status code to a component status", async () => {
    const status = await good(page({ fixture: "statusio/components.json" }));
    const byName = Object.fromEntries(
      status.components.filter((c) => c.name.startsWith("Service")).map((c) => [c.name, c.status]),
    );
    expect(byName).toEqual({
      "Service 100": "operational",
      "Service 200": "under_maintenance",
      "Service 300": "degraded_performance",
      "Service 400": "partial_outage",
      "Service 500": "major_outage",
      "Service 600": "major_outage",
    });
  });

  it("splits a component running in several containers, mapping places to regions", async () => {
    const status = await good(page({ fixture: "statusio/components.json" }));
    expect(status.components.filter((c) => c.name === "Games")).toEqual([
      { name: "Games", group: "US East", status: "operational", region: null },
      { name: "Games", group: "Europe (Frankfurt)", status: "partial_outage", region: "DE" },
      { name: "Games", group: "Asia Pacific (Tokyo)", status: "operational", region: "JP" },
    ]);
    // A component without containers keeps its own code and has no group.
    expect(status.components.find((c) => c.name === "Developer Forum")).toMatchObject({
      group: null,
      status: "degraded_performance",
    });
  });

  it("maps an open incident with its state, latest update and link", async () => {
    const p = page({ fixture: "statusio/partial.json" });
    const [incident, ...rest] = (await good(p)).incidents;
    expect(rest).toEqual([]);
    expect(incident).toEqual({
      id: "6a2b00000000000000000401",
      name: "Git pushes failing for some users",
      status: "identified",
      impact: "major",
      startedAt: "2026-11-26T09:40:00.000Z",
      updatedAt: "2026-11-26T10:10:00.000Z",
      latestUpdate: "The cause has been identified: a faulty Gitaly node.",
      url: `https://status.gitlab.com/pages/incident/${p.pageId}/6a2b00000000000000000401`,
    });
  });

  it.each([
    ["degraded", "minor", "investigating"],
    ["partial", "major", "identified"],
    ["security", "critical", "investigating"],
  ])("gives the %s page's incident impact %s (%s)", async (name, impact, state) => {
    const [incident] = (await good(page({ fixture: `statusio/${name}.json` }))).incidents;
    expect(incident).toMatchObject({ impact, status: state });
  });

  it("takes an incident's impact and state from its newest message, whatever the order", async () => {
    const [incident] = (await good(page({ fixture: "statusio/disruption.json" }))).incidents;
    expect(incident).toMatchObject({
      status: "monitoring",
      impact: "major",
      updatedAt: "2026-11-26T10:45:00.000Z",
      latestUpdate: "A fix is deployed; we are monitoring.",
    });
  });

  it("shows active maintenance as maintenance in progress, and not the upcoming one", async () => {
    const p = page({ fixture: "statusio/maintenance.json" });
    const status = await good(p);
    expect(status.indicator).toBe("maintenance");
    expect(status.maintenance).toEqual([
      {
        id: "6a1f0c2e9b1d4a0012ab3402",
        name: "Container Registry storage migration",
        status: "in_progress",
        impact: "maintenance",
        startedAt: "2026-11-26T09:00:00.000Z",
        updatedAt: "2026-11-26T09:00:05.000Z",
        latestUpdate: "Maintenance has started; pulls may be slow.",
        url: `https://status.gitlab.com/pages/maintenance/${p.pageId}/6a1f0c2e9b1d4a0012ab3402`,
      },
    ]);
    expect(status.components.find((c) => c.name === "Container Registry")?.status).toBe("under_maintenance");
  });

  it("reports a missing required field as schema drift", async () => {
    const result = await poll(page({ fixture: "statusio/drift.json" }));
    expect(result).toMatchObject({ ok: false, error: { kind: "parse" } });
    if (!result.ok) expect(result.error.reason).toContain("result.status_overall.status_code");
  });

  it("reports a status code outside the published list as schema drift", async () => {
    const result = await poll(page({ fixture: "statusio/drift-code.json" }));
    expect(result).toMatchObject({ ok: false, error: { kind: "parse" } });
    if (!result.ok) expect(result.error.reason).toContain("result.status.1.containers.0.status_code");
  });

  it("reports HTML instead of JSON", async () => {
    const html = { headers: { "content-type": "text/html" }, body: "<html>status.io</html>" };
    expect(await poll(page(html))).toMatchObject({ ok: false, error: { kind: "parse" } });
  });

  it("sends the ETag back and handles 304 Not Modified", async () => {
    const p = page({ fixture: "statusio/operational.json", etag: 'W/"v1"' });
    const first = await poll(p);
    expect(first).toMatchObject({ ok: true, notModified: false, etag: 'W/"v1"' });
    expect(await poll(p, { etag: 'W/"v1"' })).toMatchObject({ ok: true, notModified: true, status: null });
  });

  it("polls a page given directly by its API URL", async () => {
    const pageId = "0000000000000000000000aa";
    server.route(`/1.0/status/${pageId}`, { fixture: "statusio/degraded.json" });
    const status = await good({ kind: "statusio", url: `${server.url}/1.0/status/${pageId}` });
    expect(status.indicator).toBe("minor");
    expect(status.pageUrl).toBe(`https://status.io/pages/${pageId}`);
  });

  it("reports a page without a page id, without any request", async () => {
    const before = server.requests.length;
    const result = await poll({ kind: "statusio", url: "https://status.gitlab.com" });
    expect(result).toMatchObject({ ok: false, error: { kind: "parse" } });
    if (!result.ok) expect(result.error.reason).toContain("pageId");
    expect(server.requests.length).toBe(before);
  });
});

describe("status.io payloads", () => {
  const target = { pageId: GITLAB_ID, pageUrl: "https://status.gitlab.com", site: "https://status.gitlab.com" };
  const fixtures = ["operational", "maintenance", "degraded", "partial", "disruption", "security", "components"].map(
    (name) => fixtureJson(`statusio/${name}.json`),
  );

  it("never throws on any JSON value, and what it accepts is a valid snapshot", () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.constantFrom(...fixtures)), (json) => {
        const read = readStatusioStatus(json, target, () => null);
        if (read.ok) expect(OfficialSnapshotSchema.safeParse(read.status).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
