// A crash in the middle of a fan-out and a restart on the same SQLite file, and the app wiring
// (crowd and status-page events into the loop, metrics), through discord.js and the emulator.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { afterAll, describe, expect, it } from "vitest";
import type { AlertSender } from "../../src/alerts/alert-sender.js";
import { type AlertSources, startAlerts } from "../../src/app/alert-wiring.js";
import type { IncidentEvent } from "../../src/domain/incident.js";
import type { OfficialIncidentEvent } from "../../src/domain/official.js";
import { createMetrics } from "../../src/metrics/metrics.js";
import { startEmulator } from "../support/discord-emulator/index.js";
import { type AlertHarness, limitHits, postsTo, seedSubscription, startAlertHarness } from "./e2e-harness.js";
import { event } from "./fixtures.js";

const dir = mkdtempSync(join(tmpdir(), "alerts-restart-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** App-shaped event sources a test can emit on. */
function sources(h: AlertHarness) {
  const crowd = new Set<(e: readonly IncidentEvent[]) => void>();
  const official = new Set<(e: readonly OfficialIncidentEvent[]) => void>();
  const app: AlertSources = {
    catalog: h.ctx.catalog,
    board: h.ctx.board,
    metrics: createMetrics(),
    logger: pino({ level: "silent" }),
    onIncidentEvents: (l) => {
      crowd.add(l);
      return () => crowd.delete(l);
    },
    onOfficialEvents: (l) => {
      official.add(l);
      return () => official.delete(l);
    },
  };
  return {
    app,
    emitCrowd: (e: IncidentEvent[]) => {
      for (const l of crowd) l(e);
    },
    emitOfficial: (e: OfficialIncidentEvent[]) => {
      for (const l of official) l(e);
    },
    listeners: () => crowd.size + official.size,
  };
}

const counter = async (metrics: AlertSources["metrics"], name: "alertsSent" | "alertsFailed") =>
  (await metrics[name].get()).values.reduce((sum, v) => sum + v.value, 0);

describe("alerts across a crash and a restart", () => {
  it("neither loses nor repeats an alert when the process dies in the middle of a fan-out", async () => {
    const emulator = await startEmulator();
    const storeUrl = `sqlite://${join(dir, "alerts.sqlite")}`;
    const namespace = "crash-test";
    const killed = new AbortController();
    let attempts = 0;
    // Sends 1–5 complete; 6–8 reach Discord but the process dies before recording it; from the
    // 9th on the process is gone before the request leaves. Concurrency 4 leaves later channels untouched.
    const dying = (real: AlertSender): AlertSender => ({
      ...real,
      async post(channelId, message, nonce) {
        attempts++;
        if (attempts <= 5) return real.post(channelId, message, nonce);
        if (attempts <= 8) {
          await real.post(channelId, message, nonce);
          throw new Error("process killed after Discord took the message");
        }
        killed.abort();
        throw new Error("process killed before the request left");
      },
    });
    const first = await startAlertHarness({ emulator, storeUrl, namespace, concurrency: 4, wrapSender: dying });
    const channels = Array.from({ length: 20 }, (_, i) => emulator.addChannel({ name: `alerts-${i}` }));
    await first.repos.subscriptions.upsertMany(
      channels.map((c) => seedSubscription(emulator.guildId, c, { target: { kind: "service", serviceId: "github" } })),
    );
    const at = first.clock.now;
    await first.engine.handle(event("opened", at, { startedAt: at, peakAt: at, updatedAt: at }));
    await first.engine.deliverDue(killed.signal);
    await first.close();
    const afterCrash = channels.map((c) => emulator.channelMessages(c).length);
    expect(afterCrash.reduce((a, b) => a + b, 0)).toBe(8);

    // Restart on the same file: the loop's first pass repeats the pending sends with their nonce.
    const second = await startAlertHarness({ emulator, storeUrl, namespace, start: at + 30_000 });
    const s = sources(second);
    const alerts = startAlerts({ app: s.app, repos: second.repos, sender: second.sender, now: () => second.clock.now });
    await alerts.loop.kick();
    await alerts.stop();

    for (const c of channels) expect(emulator.channelMessages(c)).toHaveLength(1);
    const repeated = channels.filter((c) => postsTo(emulator, c).length === 2);
    expect(repeated.length).toBeGreaterThanOrEqual(3);
    for (const c of repeated) {
      const [a, b] = postsTo(emulator, c).map((r) => (r.body as { nonce: string }).nonce);
      expect(a).toBe(b);
    }
    const threads = await second.repos.threads.listActive();
    expect(threads).toHaveLength(20);
    for (const t of threads) {
      expect(t.pending).toBeNull();
      expect(t.messageId).toBe(emulator.channelMessages(t.channelId)[0]?.id);
    }
    expect(await counter(s.app.metrics, "alertsSent")).toBe(15);
    expect(s.listeners()).toBe(0);
    expect(emulator.violations).toEqual([]);
    expect(limitHits(emulator)).toEqual([]);
    await second.close();
    await emulator.close();
  });

  it("attaches the status chart to an alert, and an edit replaces it rather than adding another", async () => {
    const h = await startAlertHarness();
    const s = sources(h);
    const channel = h.emulator.addChannel({ name: "charts" });
    await h.repos.subscriptions.upsertMany([seedSubscription(h.emulator.guildId, channel, { minLevel: "degraded" })]);
    const alerts = startAlerts({ app: s.app, repos: h.repos, sender: h.sender, now: () => h.clock.now });
    const at = h.clock.now;
    const incident = { id: "x:1", serviceId: "x", startedAt: at, peakAt: at, updatedAt: at };
    s.emitCrowd([event("opened", at, { ...incident, level: "degraded", currentLevel: "degraded" })]);
    await alerts.loop.kick();
    s.emitCrowd([
      event("escalated", at + 60_000, { ...incident, level: "major_outage", currentLevel: "major_outage" }),
    ]);
    await alerts.loop.kick();
    await alerts.stop();

    const [message] = h.emulator.channelMessages(channel);
    expect(message?.attachments).toHaveLength(1);
    expect(message?.attachments[0]).toMatchObject({ filename: "status-x.png", content_type: "image/png" });
    expect(JSON.stringify(message?.embeds)).toContain("attachment://status-x.png");
    expect(message?.edited_timestamp).not.toBeNull();
    expect(h.emulator.violations).toEqual([]);
    await h.close();
  });

  it("feeds crowd and status-page incident events from the app into the loop and counts them", async () => {
    const h = await startAlertHarness();
    const s = sources(h);
    const g = h.emulator.guildId;
    const xChannel = h.emulator.addChannel({ name: "x" });
    const ghChannel = h.emulator.addChannel({ name: "github" });
    const strict = h.emulator.addChannel({ name: "strict" });
    await h.repos.subscriptions.upsertMany([
      seedSubscription(g, xChannel, { minLevel: "degraded" }),
      seedSubscription(g, ghChannel, { target: { kind: "service", serviceId: "github" }, minLevel: "degraded" }),
      seedSubscription(g, strict, { target: { kind: "service", serviceId: "github" }, minLevel: "partial_outage" }),
    ]);
    const alerts = startAlerts({ app: s.app, repos: h.repos, sender: h.sender, now: () => h.clock.now });
    const at = h.clock.now;
    s.emitCrowd([
      event("opened", at, { id: "x:1", serviceId: "x", startedAt: at, peakAt: at, updatedAt: at, level: "degraded" }),
    ]);
    s.emitOfficial([
      {
        kind: "opened",
        serviceId: "github",
        at,
        incident: {
          id: "inc-1",
          name: "Degraded performance for Actions",
          status: "investigating",
          impact: "minor",
          startedAt: new Date(at).toISOString(),
          updatedAt: new Date(at).toISOString(),
          latestUpdate: "We are investigating delays in Actions runs.",
          url: "https://www.githubstatus.com/incidents/inc-1",
        },
      },
    ]);
    await alerts.loop.kick();
    await alerts.stop();

    expect(h.emulator.channelMessages(xChannel)).toHaveLength(1);
    const [gh] = h.emulator.channelMessages(ghChannel);
    expect(JSON.stringify(gh?.embeds)).toContain("Degraded performance for Actions");
    // A minor status-page incident reads as degraded: below this channel's minimum.
    expect(h.emulator.channelMessages(strict)).toEqual([]);
    expect(await counter(s.app.metrics, "alertsSent")).toBe(2);
    expect(await counter(s.app.metrics, "alertsFailed")).toBe(0);
    expect(h.emulator.violations).toEqual([]);
    expect(limitHits(h.emulator)).toEqual([]);
    await h.close();
  });
});
