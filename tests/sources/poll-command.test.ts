import fetch from "node-fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCatalog } from "../../src/catalog/catalog.js";
import { ServiceSchema } from "../../src/domain/service.js";
import { pollCommand } from "../../src/sources/poll-command.js";
import { createPoller } from "../../src/sources/poller.js";
import { type StatusPageServer, startStatusPageServer } from "../support/status-page-server.js";

let server: StatusPageServer;
const quiet = { debug: () => {}, info: () => {}, warn: () => {} };

beforeAll(async () => {
  server = await startStatusPageServer();
  server.route("/gh/api/v2/summary.json", { fixture: "atlassian/major.json" });
  server.route("/cf/api/v2/summary.json", { status: 500, body: "" });
});
afterAll(() => server.close());

function setup() {
  const catalog = createCatalog(
    ServiceSchema.array().parse([
      {
        id: "github",
        name: "GitHub",
        aliases: ["gh"],
        category: "dev",
        statusPage: { kind: "atlassian", url: `${server.url}/gh` },
      },
      {
        id: "cloudflare",
        name: "Cloudflare",
        category: "cloud",
        statusPage: { kind: "atlassian", url: `${server.url}/cf` },
      },
      { id: "heroku", name: "Heroku", category: "cloud" },
    ]),
  );
  const poller = createPoller({ catalog, fetch, now: () => Date.parse("2026-11-26T11:00:00Z"), logger: quiet });
  return { catalog, poller };
}

describe("outage-bot poll", () => {
  it("polls one service by alias and prints what changed", async () => {
    const result = await pollCommand({ ...setup(), query: "gh" });
    expect(result.exitCode).toBe(0);
    expect(result.text).toContain("GitHub: major (Partial System Outage) [updated]");
    expect(result.text).toContain("  - incident opened: Elevated API error rates [major, identified]");
    expect(result.text).toContain("1 page(s) polled, 1 changed, 0 failed");
  });

  it("polls every page and exits 1 when one failed", async () => {
    const result = await pollCommand(setup());
    expect(result.exitCode).toBe(1);
    expect(result.text).toContain("Cloudflare: no good answer yet [error, stale]");
    expect(result.text).toContain("  - error: http: HTTP 500 Internal Server Error");
  });

  it("says when a service is unknown, with suggestions", async () => {
    const result = await pollCommand({ ...setup(), query: "githb" });
    expect(result).toMatchObject({ exitCode: 2 });
    expect(result.text).toContain('unknown service "githb"; did you mean github');
  });

  it("says when a service has no status page", async () => {
    expect((await pollCommand({ ...setup(), query: "heroku" })).text).toBe(
      "Heroku has no official status page in the catalog\n",
    );
  });
});
