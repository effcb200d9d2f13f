import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { type App, createApp } from "../../src/app/create-app.js";
import { loadConfig } from "../../src/config.js";
import type { IngestResult } from "../../src/domain/report.js";
import { hashIdentity } from "../../src/intake/index.js";
import { runCli } from "../cli/run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "outage-exclude-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const GUILD = "111122223333444455";
const env = {
  STORE_URL: `sqlite://${join(dir, "state.sqlite")}`,
  REPORTER_SALT: "exclusions-live-salt-0123",
  EXCLUDED_TOKENS: "cfgtoken",
  EXCLUSIONS_REFRESH_MS: "500",
  LOG_LEVEL: "silent",
};
let serial = 0;

function offer(app: App, origin: string | undefined, sourceName?: string): Promise<IngestResult> {
  return app.intake.submit({
    service: "github",
    problem: "website",
    reporter: `user-${serial++}`,
    origin,
    source: sourceName === undefined ? "discord" : "api",
    sourceName,
    at: Date.now(),
  });
}

/** Offers reports until one comes back as `want` (the running app re-reads exclusions every 500 ms). */
async function until(app: App, want: boolean): Promise<IngestResult> {
  for (let i = 0; i < 100; i++) {
    const result = await offer(app, GUILD);
    if (result.accepted === want) return result;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the running app never picked up the change");
}

describe("exclusions while the bot runs", () => {
  it("applies `outage-bot exclude guild` and `include guild` without a restart, storing only the hash", async () => {
    const app = await createApp(loadConfig(env), { logger: pino({ level: "silent" }), persistEveryMs: 60_000 });
    try {
      expect((await offer(app, GUILD)).accepted).toBe(true);
      expect(await offer(app, undefined, "cfgtoken")).toMatchObject({ accepted: false, reason: "excluded" });

      const excluded = await runCli(["exclude", "guild", GUILD, "--note", "raid on 26 Nov"], { env });
      expect(excluded.code).toBe(0);
      expect(await until(app, false)).toMatchObject({ accepted: false, reason: "excluded" });

      const list = await runCli(["exclude", "list"], { env });
      const hash = hashIdentity(env.REPORTER_SALT, "origin", GUILD);
      expect(list.stdout).toContain(`guild ${hash}`);
      expect(list.stdout).toContain("raid on 26 Nov");
      expect(list.stdout).toContain("1 token(s) in EXCLUDED_TOKENS");
      expect(list.stdout).not.toContain(GUILD);

      expect((await runCli(["include", "guild", "--hash", hash], { env })).code).toBe(0);
      expect((await until(app, true)).accepted).toBe(true);
    } finally {
      await app.close();
    }
  });

  it("explains a wrong exclude command", async () => {
    const run = await runCli(["exclude", "planet", "mars"], { env });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/exclude guild <id>/);
    const bad = await runCli(["exclude", "guild", "--hash", "short"], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/22-character guildHash/);
  });
});
