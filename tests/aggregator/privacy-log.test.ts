import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { pino } from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app/create-app.js";
import { loadConfig } from "../../src/config.js";
import { hashIdentity } from "../../src/intake/index.js";

const dir = mkdtempSync(join(tmpdir(), "outage-privacy-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const GUILD = "222233334444555566";
const SALT = "privacy-log-salt-0123456";
const AT = Date.parse("2026-11-26T12:00:00Z");

describe("a raid as the running app sees it", () => {
  it("logs a suspected raid with the guild's salted hash, and neither the log nor the store holds a raw id", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const file = join(dir, "state.sqlite");
    const config = loadConfig({ STORE_URL: `sqlite://${file}`, REPORTER_SALT: SALT, LOG_LEVEL: "debug" });
    const app = await createApp(config, {
      logger: pino({ level: "debug" }, sink),
      now: () => AT,
      persistEveryMs: null,
    });
    const users = Array.from({ length: 40 }, (_, i) => `9${String(i).padStart(17, "0")}`);
    try {
      for (const user of users) {
        await app.intake.submit({
          service: "github",
          problem: "login",
          reporter: user,
          origin: GUILD,
          source: "discord",
          accountCreatedAt: AT - 3_600_000,
          at: AT,
        });
      }
      await app.flush();
      // Answers count minutes that have ended: ask a minute later.
      const status = await app.board.status("github", AT + 60_000);
      expect(status.crowd.guilds).toBe(1);
      expect(status.crowd.suspected.map((s) => s.reason)).toContain("suspected raid: many new accounts at once");
      expect(status.level).toBe("operational");
    } finally {
      await app.close();
    }
    const log = lines.join("");
    const raid = lines.map((l) => JSON.parse(l)).find((l) => l.kind === "origin_burst");
    expect(raid).toMatchObject({ guildHash: hashIdentity(SALT, "origin", GUILD), service: "github", reports: 20 });
    expect(raid.msg).toBe("suspected raid: many reports from one server within a minute");
    const stored = readFileSync(file).toString("latin1");
    // The state was written (the guild's hash is in it), yet no raw id is.
    expect(stored).toContain(hashIdentity(SALT, "origin", GUILD));
    for (const text of [log, stored]) {
      expect(text).not.toContain(GUILD);
      for (const user of users) expect(text).not.toContain(user);
    }
  });
});
