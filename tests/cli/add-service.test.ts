import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serviceChoices } from "../../commands/autocomplete.js";
import { createApp } from "../../src/app/create-app.js";
import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/log.js";
import { type StatusPageServer, startStatusPageServer } from "../support/status-page-server.js";
import { runCli } from "./run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "outage-cli-add-"));
let server: StatusPageServer;
let env: NodeJS.ProcessEnv;
const html = (title: string) => ({
  body: `<!doctype html><html><head><title>${title}</title></head><body></body></html>`,
  headers: { "content-type": "text/html" },
});

beforeAll(async () => {
  server = await startStatusPageServer();
  server.route("/deploy", html("Example Deploy Status"));
  server.route("/deploy/api/v2/summary.json", { fixture: "atlassian/minor.json" });
  server.route("/clash", html("GitHub Status"));
  server.route("/clash/api/v2/summary.json", { fixture: "atlassian/operational.json" });
  // The pages live on loopback, which only an operator's setting lets the bot reach.
  env = { STORE_URL: `sqlite://${join(dir, "add.sqlite")}`, STATUS_PAGES_ALLOW_PRIVATE: "true" };
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("outage-bot add-service", () => {
  it("adds a service from its status page URL, kept in the store and offered by autocomplete", async () => {
    const run = await runCli(["add-service", `${server.url}/deploy`, "--alias", "exdeploy", "--category", "cloud"], {
      env,
    });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      `added Example Deploy (example-deploy): atlassian page ${server.url}/deploy, now minor`,
    );

    const app = await createApp(loadConfig({ ...env, LOG_LEVEL: "silent" }), {
      logger: createLogger(loadConfig({ LOG_LEVEL: "silent" })),
      persistEveryMs: null,
    });
    try {
      expect(app.catalog.resolve("exdeploy")).toMatchObject({ id: "example-deploy", category: "cloud" });
      const choices = await serviceChoices("example dep", app.context());
      expect(choices).toContainEqual({ name: "Example Deploy", value: "example-deploy" });
    } finally {
      await app.close();
    }
    const polled = await runCli(["poll", "exdeploy"], { env, now: Date.now() });
    expect(polled.stdout).toContain("Example Deploy: minor");
  });

  it("refuses a name a built-in service already has, naming the clash", async () => {
    const run = await runCli(["add-service", `${server.url}/clash`], { env });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('refused: the id "github" is already taken by GitHub (github)');
  });

  it("refuses an alias of a built-in service, naming it", async () => {
    const run = await runCli(["add-service", `${server.url}/clash`, "--name", "Clash Forge", "--alias", "twitter"], {
      env,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('refused: the alias "twitter" is already taken by X (x)');
  });

  it("refuses a status page on a private address without the operator's setting", async () => {
    const run = await runCli(["add-service", `${server.url}/deploy`, "--name", "Other Deploy"], {
      env: { ...env, STATUS_PAGES_ALLOW_PRIVATE: "false" },
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("address: 127.0.0.1 is a loopback address");
  });

  it("says what it tried when the URL holds no status page", async () => {
    server.route("/blog", html("A blog"));
    const run = await runCli(["add-service", `${server.url}/blog`], { env });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("no known status page format found");
  });
});
