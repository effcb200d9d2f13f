import fetch from "node-fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { probeStatusPage } from "../../src/sources/probe.js";
import { createPublicFetch } from "../../src/sources/public-fetch.js";
import { createSourceRegistry, type SourceRegistry } from "../../src/sources/registry.js";
import { createStatusioSource } from "../../src/sources/statusio-source.js";
import { type StatusPageServer, startStatusPageServer } from "../support/status-page-server.js";

const NOW = Date.parse("2026-11-26T11:00:00Z");
const html = (title: string, body = "") => ({
  body: `<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`,
  headers: { "content-type": "text/html; charset=utf-8" },
});
const atom = { "content-type": "application/atom+xml" };
let server: StatusPageServer;
let sources: SourceRegistry;

beforeAll(async () => {
  server = await startStatusPageServer();
  // status.io's API lives on its own host; here it moves to the loopback server.
  sources = { ...createSourceRegistry(), statusio: createStatusioSource({ apiBase: server.url }) };
});
afterAll(() => server.close());

const probe = (path: string) =>
  probeStatusPage(`${server.url}${path}`, { fetch, now: () => NOW, limits: { timeoutMs: 2_000 } }, sources);

describe("probing a status page URL", () => {
  it("recognises Atlassian Statuspage and names the service from the page title", async () => {
    server.route("/forge", html("Example Forge Status"));
    server.route("/forge/api/v2/summary.json", { fixture: "atlassian/major.json" });
    const found = await probe("/forge");
    expect(found).toMatchObject({
      ok: true,
      page: { kind: "atlassian", url: `${server.url}/forge` },
      title: "Example Forge",
    });
  });

  it("recognises incident.io's Statuspage-compatible API", async () => {
    server.route("/chat", html("Example Chat Status", '<a href="https://incident.io">Powered by incident.io</a>'));
    server.route("/chat/api/v2/summary.json", { fixture: "atlassian/operational.json" });
    expect(await probe("/chat")).toMatchObject({ ok: true, page: { kind: "incidentio" } });
  });

  it("recognises Instatus", async () => {
    server.route("/search", html("Example Search", '<script src="https://instatus.com/widget.js"></script>'));
    server.route("/search/summary.json", { fixture: "instatus/up.json" });
    expect(await probe("/search")).toMatchObject({ ok: true, page: { kind: "instatus" } });
  });

  it("recognises Better Stack", async () => {
    server.route(
      "/deploy",
      html("Example Deploy status", '<link rel="icon" href="https://betteruptime.com/favicon.ico">'),
    );
    server.route("/deploy/index.json", { fixture: "betterstack/downtime.json" });
    const found = await probe("/deploy");
    expect(found).toMatchObject({ ok: true, page: { kind: "betterstack" }, status: { indicator: "major" } });
  });

  it("recognises status.io from the page id the page embeds", async () => {
    const pageId = "5b36dc6502d06804c08349f7";
    server.route(
      "/repo",
      html("Example Repo Status", `<script>fetch("https://api.status.io/1.0/status/${pageId}")</script>`),
    );
    server.route(`/1.0/status/${pageId}`, { fixture: "statusio/operational.json" });
    expect(await probe("/repo")).toMatchObject({ ok: true, page: { kind: "statusio", pageId } });
  });

  it("falls back to the feed the page links", async () => {
    server.route(
      "/cloud",
      html("Example Cloud Health", '<link rel="alternate" type="application/rss+xml" href="/cloud/feeds/all.rss">'),
    );
    server.route("/cloud/feeds/all.rss", {
      fixture: "feed/cloud-rss.xml",
      headers: { "content-type": "application/rss+xml" },
    });
    expect(await probe("/cloud")).toMatchObject({
      ok: true,
      page: { kind: "feed", url: `${server.url}/cloud/feeds/all.rss` },
    });
  });

  it("falls back to a common feed path when the page links none", async () => {
    server.route("/quiet", html("Example Quiet"));
    server.route("/quiet/history.atom", { fixture: "feed/quiet.atom", headers: atom });
    expect(await probe("/quiet")).toMatchObject({
      ok: true,
      page: { kind: "feed", url: `${server.url}/quiet/history.atom` },
    });
  });

  it("takes a feed URL as it is", async () => {
    server.route("/direct.atom", { fixture: "feed/statuspage-history.atom", headers: atom });
    expect(await probe("/direct.atom")).toMatchObject({
      ok: true,
      page: { kind: "feed", url: `${server.url}/direct.atom` },
    });
  });

  it("says what it tried when nothing on the page can be polled", async () => {
    server.route("/blog", html("A blog"));
    const found = await probe("/blog");
    expect(found).toMatchObject({ ok: false, error: { kind: "parse" } });
    if (!found.ok) expect(found.tried).toContain(`atlassian ${server.url}/blog/api/v2/summary.json`);
  });

  it("refuses a private address without trying any candidate", async () => {
    server.route("/private", html("Private"));
    const before = server.requests.length;
    const found = await probeStatusPage(
      `${server.url}/private`,
      { fetch: createPublicFetch({ allowance: { kind: "none" } }), now: () => NOW },
      sources,
    );
    expect(found).toMatchObject({ ok: false, error: { kind: "address" } });
    expect(server.requests.length).toBe(before);
  });
});
