// One running process, restarted after a crash: what it answers at start-up is what it answers once
// its first tick has run, with no new report in between ("Worst: Partial outage" became "Worst:
// Major outage" 20 s after start).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { type App, createApp } from "../../src/app/create-app.js";
import { loadConfig } from "../../src/config.js";
import type { IncidentEvent } from "../../src/domain/incident.js";

const dir = mkdtempSync(join(tmpdir(), "outage-startup-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const logger = pino({ level: "silent" });
const START = Date.parse("2026-11-26T14:00:00Z");
const MINUTE = 60_000;

/** An app on a SQLite file that saves only when told (so the test says when state is saved). */
function openOn(file: string, clock: { now: number }): Promise<App> {
  const config = loadConfig({ STORE_URL: `sqlite://${join(dir, file)}`, LOG_LEVEL: "silent" });
  return createApp(config, { logger, now: () => clock.now, persistEveryMs: null });
}

/** `perMinute` reports of X in each minute of [from, to), from distinct people and servers, sent as it ends. */
async function reports(app: App, clock: { now: number }, from: number, to: number, perMinute: number): Promise<void> {
  for (let m = from; m < to; m++) {
    clock.now = START + (m + 1) * MINUTE;
    for (let i = 0; i < perMinute; i++) {
      const result = await app.intake.submit({
        service: "twitter",
        problem: "app",
        reporter: `m${m}-r${i}`,
        origin: `server-${i}`,
        source: "api",
        at: START + m * MINUTE + i * 100,
      });
      expect(result.accepted).toBe(true);
    }
  }
}

describe("start-up", () => {
  it("answers with the incident the first tick will announce, and the tick changes nothing shown", async () => {
    const clock = { now: START };
    const first = await openOn("crash.sqlite", clock);
    // A partial outage, ticked and saved, then resolved.
    for (let m = 0; m < 30; m++) {
      await reports(first, clock, m, m + 1, m < 6 ? 12 : 0);
      await first.flush();
    }
    expect((await first.board.status("x", clock.now)).incident).toMatchObject({ level: "partial_outage" });
    // A major outage's reports are acknowledged (journalled), then the process dies before its next save.
    await reports(first, clock, 35, 39, 150);

    clock.now = START + 39 * MINUTE + 20_000;
    const second = await openOn("crash.sqlite", clock);
    const events: IncidentEvent[] = [];
    second.onIncidentEvents((list) => events.push(...list));
    const atStart = await second.board.status("x", clock.now);
    expect(atStart.level).toBe("major_outage");
    expect(atStart.incident).toMatchObject({ level: "major_outage", resolvedAt: null });

    clock.now += 20_000;
    await second.flush();
    expect(events.map((e) => e.incident.id)).toContain(atStart.incident?.id);
    const later = await second.board.status("x", clock.now);
    expect(later.incident).toEqual(atStart.incident);
    expect(later.level).toBe(atStart.level);
    await second.close();
    await first.store.close();
  });
});
