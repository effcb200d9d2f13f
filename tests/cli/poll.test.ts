import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StatusReportSchema } from "../../src/domain/status-report.js";
import { type StatusPageServer, startStatusPageServer } from "../support/status-page-server.js";
import { runCli } from "./run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "outage-cli-poll-"));
let server: StatusPageServer;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  server = await startStatusPageServer();
  server.route("/local/api/v2/summary.json", { fixture: "atlassian/major.json" });
  const catalog = join(dir, "catalog.json");
  writeFileSync(
    catalog,
    JSON.stringify([
      {
        id: "local-forge",
        name: "Local Forge",
        aliases: ["lforge"],
        category: "dev",
        statusPage: { kind: "atlassian", url: `${server.url}/local` },
      },
    ]),
  );
  // The pages live on loopback, which only an operator's setting lets the poller reach.
  env = {
    STORE_URL: `sqlite://${join(dir, "poll.sqlite")}`,
    CATALOG_FILE: catalog,
    STATUS_PAGES_ALLOW_PRIVATE: "true",
  };
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("outage-bot poll", () => {
  it("polls one service's status page, prints what it says, and keeps it for ask", async () => {
    const polled = await runCli(["poll", "lforge"], { env, now: Date.now() });
    expect(polled.code).toBe(0);
    expect(polled.stdout).toContain("Local Forge: major");
    expect(server.hits("/local/api/v2/summary.json")).toBe(1);

    const asked = await runCli(["ask", "/outage status local-forge", "--json"], { env, now: Date.now() });
    const report = StatusReportSchema.parse(JSON.parse(asked.stdout));
    expect(report.official?.indicator).toBe("major");
    expect(server.hits("/local/api/v2/summary.json")).toBe(1);
  });

  it("refuses a status page on a loopback address without the operator's setting", async () => {
    const strict = { ...env, STATUS_PAGES_ALLOW_PRIVATE: "false", STORE_URL: `sqlite://${join(dir, "strict.sqlite")}` };
    const before = server.hits("/local/api/v2/summary.json");
    const polled = await runCli(["poll", "lforge"], { env: strict, now: Date.now() });
    expect(polled.code).toBe(1);
    expect(polled.stderr).toContain("error: address: 127.0.0.1 is a loopback address");
    expect(server.hits("/local/api/v2/summary.json")).toBe(before);
  });

  it("exits 2 with suggestions for a service it does not know", async () => {
    const run = await runCli(["poll", "lforgee"], { env });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("local-forge");
  });
});
