import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app/create-app.js";
import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/log.js";
import type { StatusPageMove } from "../../src/sources/poller.js";
import { type StatusPageServer, startStatusPageServer } from "../support/status-page-server.js";

const dir = mkdtempSync(join(tmpdir(), "outage-page-move-"));
const NOW = Date.parse("2026-11-26T11:00:00Z");
let server: StatusPageServer;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  server = await startStatusPageServer();
  // A vendor's Atom feed turns into an HTML page; its site's home page now runs Instatus.
  server.route(
    "/site/history.atom",
    { fixture: "feed/statuspage-history.atom", headers: { "content-type": "application/atom+xml" } },
    { body: "<html><body>This feed has moved.</body></html>", headers: { "content-type": "text/html" } },
  );
  server.route("/", {
    body: "<html><head><title>Example Vendor Status</title></head><body>Powered by Instatus</body></html>",
    headers: { "content-type": "text/html" },
  });
  server.route("/summary.json", { fixture: "instatus/issues.json" });
  const catalog = join(dir, "catalog.json");
  writeFileSync(
    catalog,
    JSON.stringify([
      {
        id: "example-vendor",
        name: "Example Vendor",
        category: "cloud",
        statusPage: { kind: "feed", url: `${server.url}/site/history.atom` },
      },
    ]),
  );
  env = {
    STORE_URL: `sqlite://${join(dir, "move.sqlite")}`,
    CATALOG_FILE: catalog,
    STATUS_PAGES_ALLOW_PRIVATE: "true",
    LOG_LEVEL: "silent",
  };
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const open = () => {
  const config = loadConfig(env);
  return createApp(config, { logger: createLogger(config), now: () => NOW, persistEveryMs: null });
};

describe("a status page that moved, in the app", () => {
  it("switches to the new platform, tells its listeners, and keeps the move for the next start", async () => {
    const app = await open();
    const moves: StatusPageMove[] = [];
    app.onPageMoved((move) => moves.push(move));
    try {
      await app.poller.pollOnce(["example-vendor"]);
      await app.poller.pollOnce(["example-vendor"]);
      const [moved] = await app.poller.pollOnce(["example-vendor"]);
      expect(moved!.changes[0]).toBe(`moved its status page to instatus ${server.url}/`);
      expect(moves.map((m) => [m.serviceId, m.from.kind, m.to.kind])).toEqual([["example-vendor", "feed", "instatus"]]);
      expect(app.poller.official("example-vendor", NOW)).toMatchObject({ indicator: "critical", stale: false });
    } finally {
      await app.close();
    }

    const again = await open();
    try {
      expect(again.catalog.get("example-vendor")?.statusPage).toEqual({ kind: "instatus", url: `${server.url}/` });
    } finally {
      await again.close();
    }
  });
});
