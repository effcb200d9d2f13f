import fetch from "node-fetch";
import { describe, expect, it } from "vitest";
import { ServiceSchema } from "../../src/domain/service.js";
import { createFeedSource } from "../../src/sources/feed-source.js";
import { createPoller } from "../../src/sources/poller.js";
import { sourceUnderTest } from "../support/source-under-test.js";

const { page, poll, good } = sourceUnderTest(createFeedSource(), "feed", "");
const NOW = Date.parse("2026-11-26T11:00:00Z");
const atom = { "content-type": "application/atom+xml; charset=utf-8" };
const rss = { "content-type": "application/rss+xml" };

describe("RSS/Atom feed source over real HTTP", () => {
  it("reads a Statuspage-style Atom history: the recent unresolved entry is open, resolved and old ones are not", async () => {
    const status = await good(page({ fixture: "feed/statuspage-history.atom", headers: atom }));
    expect(status.indicator).toBe("minor");
    expect(status.incidents.map((i) => [i.name, i.impact, i.updatedAt])).toEqual([
      ["Degraded performance for Git operations", "minor", "2026-11-26T10:52:11.000Z"],
    ]);
    expect(status.incidents[0]?.latestUpdate).toContain("Identified - We have identified the cause");
    expect(status.incidents[0]?.url).toBe("https://status.example-forge.com/incidents/k3v9q2m8x1ab");
    expect(status.pageUrl).toBe("https://status.example-forge.com");
  });

  it("reads an RSS feed with dates: open disruption, maintenance apart, [RESOLVED] entries closed", async () => {
    const status = await good(page({ fixture: "feed/cloud-rss.xml", headers: rss }));
    expect(status.incidents.map((i) => i.name)).toEqual(["Service disruption: Increased API error rates"]);
    expect(status.maintenance.map((m) => [m.name, m.impact])).toEqual([
      ["Scheduled maintenance: Database storage upgrade", "maintenance"],
    ]);
    expect(status.indicator).toBe("minor");
  });

  it("says all is well when every recent entry is resolved and the rest are old", async () => {
    const status = await good(page({ fixture: "feed/quiet.atom", headers: atom }));
    expect(status).toMatchObject({ indicator: "none", incidents: [], description: "No open entry in the feed" });
  });

  it("says the state is unknown, never operational, for a feed without dates", async () => {
    const status = await good(page({ fixture: "feed/undated.rss", headers: { "content-type": "text/xml" } }));
    expect(status.indicator).toBeNull();
    expect(status.incidents).toEqual([]);
    expect(status.description).toBe(
      "The feed gives no dates, so its current state is unknown (latest entry: Mail delivery delayed)",
    );
  });

  it("reports a truncated feed as a parse error", async () => {
    const result = await poll(page({ fixture: "feed/truncated.xml", headers: rss }));
    expect(result).toMatchObject({ ok: false, error: { kind: "parse" } });
  });

  it("reports an HTML page served where the feed was as a parse error", async () => {
    const result = await poll(
      page({ body: "<html><body>We moved!</body></html>", headers: { "content-type": "text/html" } }),
    );
    expect(result).toMatchObject({ ok: false, error: { kind: "parse", reason: expect.stringContaining("HTML") } });
  });

  it("reports JSON served where the feed was as a parse error", async () => {
    const result = await poll(page({ body: { page: {} } }));
    expect(result).toMatchObject({ ok: false, error: { kind: "parse" } });
  });

  it("sends its validators and keeps the snapshot on 304", async () => {
    const p = page({ fixture: "feed/quiet.atom", headers: atom, etag: '"v1"' });
    const first = await poll(p);
    expect(first).toMatchObject({ ok: true, notModified: false, etag: '"v1"' });
    const second = await createFeedSource().fetch(p, { fetch, now: () => NOW, etag: '"v1"' });
    expect(second).toMatchObject({ ok: true, notModified: true });
  });
});

describe("a feed in the poller", () => {
  it("keeps the last good state, marked stale with the error, when the feed breaks", async () => {
    const feed = page(
      { fixture: "feed/statuspage-history.atom", headers: atom },
      { fixture: "feed/truncated.xml", headers: atom },
    );
    const service = ServiceSchema.parse({ id: "forge", name: "Forge", category: "dev", statusPage: feed });
    const poller = createPoller({
      catalog: { all: () => [service], get: () => service },
      fetch,
      now: () => NOW,
      logger: { debug: () => {}, info: () => {}, warn: () => {} },
      limits: { timeoutMs: 2_000 },
    });
    await poller.pollOnce();
    const [broken] = await poller.pollOnce();
    expect(broken).toMatchObject({ result: "error", error: { kind: "parse" } });
    expect(poller.official("forge", NOW)).toMatchObject({
      indicator: "minor",
      stale: true,
      error: expect.stringContaining("parse: not well-formed XML"),
      incidents: [{ name: "Degraded performance for Git operations" }],
    });
  });
});
