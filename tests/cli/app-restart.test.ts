import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { afterAll, describe, expect, it, vi } from "vitest";
import { type App, createApp } from "../../src/app/create-app.js";
import { loadConfig } from "../../src/config.js";
import type { IncidentEvent } from "../../src/domain/incident.js";

const dir = mkdtempSync(join(tmpdir(), "outage-app-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const logger = pino({ level: "silent" });
const START = Date.parse("2026-11-26T14:00:00Z");
const MINUTE = 60_000;

/** An app on a SQLite file with a clock the test moves. */
async function openOn(file: string, clock: { now: number }, persistEveryMs: number | null = null): Promise<App> {
  const config = loadConfig({ STORE_URL: `sqlite://${join(dir, file)}`, LOG_LEVEL: "silent" });
  return createApp(config, { logger, now: () => clock.now, persistEveryMs });
}

/** `perMinute` reports of X per minute from distinct reporters over minutes [from, to). */
async function report(app: App, clock: { now: number }, from: number, to: number, perMinute: number) {
  for (let m = from; m < to; m++) {
    clock.now = START + m * MINUTE;
    for (let i = 0; i < perMinute; i++) {
      const result = await app.intake.submit({
        service: "twitter",
        region: i % 3 === 0 ? "DE" : "GB",
        problem: "app",
        reporter: `m${m}-r${i}`,
        source: "import",
        at: clock.now + i,
      });
      expect(result.accepted).toBe(true);
    }
  }
  clock.now = START + to * MINUTE;
  await app.flush();
}

describe("app persistence", () => {
  it("loses no counts and keeps the open incident across a restart mid-outage", async () => {
    const clock = { now: START };
    const first = await openOn("restart.sqlite", clock);
    const events: IncidentEvent[] = [];
    first.onIncidentEvents((list) => events.push(...list));
    await report(first, clock, 0, 6, 40);
    expect(events.map((e) => e.kind)).toContain("opened");
    const before = await first.board.status("x", clock.now);
    await first.close();

    const second = await openOn("restart.sqlite", clock);
    const after = await second.board.status("x", clock.now);
    expect(after).toEqual(before);
    expect(after.crowd.lastHour).toBe(240);
    expect(after.incident?.resolvedAt).toBeNull();
    expect((await second.store.incidents.active()).map((i) => i.id)).toEqual([before.incident?.id]);

    // The outage goes on after the restart: counts continue from where they were.
    await report(second, clock, 6, 8, 40);
    expect((await second.board.status("x", clock.now)).crowd.lastHour).toBe(320);
    await second.close();
  });

  it("keeps the reporter salt, so a reporter already counted is still a duplicate after a restart", async () => {
    const clock = { now: START };
    const offer = {
      service: "github",
      problem: "website" as const,
      reporter: "same-person",
      source: "import" as const,
    };
    const first = await openOn("salt.sqlite", clock);
    expect((await first.intake.submit({ ...offer, at: START })).accepted).toBe(true);
    await first.close();
    const second = await openOn("salt.sqlite", clock);
    expect(await second.intake.submit({ ...offer, at: START + MINUTE })).toMatchObject({ reason: "duplicate" });
    await second.close();
  });

  it("saves changed state on its own every interval, so a crash loses at most one interval", async () => {
    const clock = { now: START };
    const running = await openOn("loop.sqlite", clock, 50);
    await report(running, clock, 0, 1, 10);
    await running.intake.submit({
      service: "discord",
      problem: "login",
      reporter: "late",
      source: "import",
      at: clock.now,
    });
    // A second process opening the same file sees the state the loop saved, without a close.
    await vi.waitFor(
      async () => {
        const reader = await openOn("loop.sqlite", clock);
        // Answers count finished minutes: read a minute after the report.
        const seen = (await reader.board.status("discord", clock.now + 60_000)).crowd.last15m;
        await reader.store.close();
        expect(seen).toBe(1);
      },
      { timeout: 5_000, interval: 100 },
    );
    await running.close();
  });

  it("stops start-up with a clear error when the stored aggregator state cannot be read", async () => {
    const clock = { now: START };
    const app = await openOn("bad-state.sqlite", clock);
    await app.store.aggregatorState.save({ shared: { version: 99 }, services: [] });
    await app.store.close();
    await expect(openOn("bad-state.sqlite", clock)).rejects.toThrow(/cannot read/);
  });
});
