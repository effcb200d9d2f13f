import pino from "pino";
import { beforeEach, describe, expect, it } from "vitest";
import { createAggregator, createStatusBoard } from "../../src/aggregator/index.js";
import { createAlertEngine } from "../../src/alerts/alert-engine.js";
import { DEFAULT_ALERT_RULES } from "../../src/alerts/alert-rules.js";
import type { AlertSender, SendResult } from "../../src/alerts/alert-sender.js";
import type { AlertMessage } from "../../src/alerts/compose-alert.js";
import { officialAlertEvent } from "../../src/alerts/official-alert-event.js";
import { createCatalog } from "../../src/catalog/catalog.js";
import { createRegionDirectory } from "../../src/catalog/regions.js";
import { builtInServices } from "../../src/catalog/services-data.js";
import { createAlertThreadRepo } from "../../src/store/alert-thread-repo.js";
import { openStore, type Store } from "../../src/store/index.js";
import { createSubscriptionRepo } from "../../src/store/subscription-repo.js";
import { event, MIN, subscription, T0 } from "./fixtures.js";

/**
 * Stands in for Discord in these unit tests only (the end-to-end tests use the emulator): it
 * records sends and plays back scripted failures.
 */
function scriptedSender() {
  const posts: { channelId: string; message: AlertMessage; nonce: string }[] = [];
  const edits: { channelId: string; messageId: string; message: AlertMessage }[] = [];
  const failures: SendResult[] = [];
  const notes: string[] = [];
  let next = 1000;
  const sender: AlertSender = {
    async post(channelId, message, nonce) {
      const fail = failures.shift();
      if (fail) return fail;
      posts.push({ channelId, message, nonce });
      return { ok: true, messageId: String(900000000000000000n + BigInt(next++)) };
    },
    async edit(channelId, messageId, message) {
      const fail = failures.shift();
      if (fail) return fail;
      edits.push({ channelId, messageId, message });
      return { ok: true, messageId };
    },
    async notifyAdmins(_guildId, text) {
      notes.push(text);
    },
  };
  return { sender, posts, edits, failures, notes };
}

describe("alert engine", () => {
  let store: Store;
  let clock = T0;
  const catalog = createCatalog(builtInServices);
  const regions = createRegionDirectory();
  const board = createStatusBoard({ catalog, regions, aggregator: createAggregator() });
  const logger = pino({ level: "silent" });

  async function setup() {
    const subscriptions = createSubscriptionRepo(store.scope("sub"));
    const threads = createAlertThreadRepo(store.scope("alert"));
    const script = scriptedSender();
    const engine = createAlertEngine({
      subscriptions,
      threads,
      catalog,
      board,
      sender: script.sender,
      now: () => clock,
      logger,
    });
    return { subscriptions, threads, engine, ...script };
  }

  beforeEach(async () => {
    clock = T0;
    store = await openStore("memory://", { logger, namespace: `alerts-${Math.random()}` });
  });

  it("posts one message per subscribed channel when an incident opens", async () => {
    const t = await setup();
    await t.subscriptions.upsert(subscription());
    await t.subscriptions.upsert(subscription({ channelId: "222222222222222223" }));
    await t.engine.handle(event("opened", T0));
    const stats = await t.engine.deliverDue();
    expect(stats.sent).toBe(2);
    expect(t.posts.map((p) => p.channelId).sort()).toEqual(["222222222222222222", "222222222222222223"]);
  });

  it("edits the same message as the incident grows and resolves", async () => {
    const t = await setup();
    await t.subscriptions.upsert(subscription());
    await t.engine.handle(event("opened", T0));
    await t.engine.deliverDue();
    clock = T0 + 5 * MIN;
    await t.engine.handle(event("escalated", clock, { level: "major_outage", currentLevel: "major_outage" }));
    await t.engine.deliverDue();
    clock = T0 + 60 * MIN;
    await t.engine.handle(
      event("resolved", clock, { resolvedAt: clock, currentLevel: "operational", level: "major_outage" }),
    );
    await t.engine.deliverDue();
    expect(t.posts).toHaveLength(1);
    expect(t.edits).toHaveLength(2);
    expect(new Set(t.edits.map((e) => e.messageId))).toEqual(new Set([t.edits[0]!.messageId]));
    expect(t.edits.at(-1)?.message.embeds[0]?.title).toMatch(/resolved/);
    expect(await t.threads.listActive()).toHaveLength(0);
  });

  it("repeats a send that crashed mid-flight with the same nonce", async () => {
    const t = await setup();
    await t.subscriptions.upsert(subscription());
    await t.engine.handle(event("opened", T0));
    t.failures.push({ ok: false, kind: "retry", detail: "socket hang up" });
    await t.engine.deliverDue();
    const [pending] = await t.threads.listActive();
    expect(pending?.pending?.nonce).toBeDefined();
    clock += DEFAULT_ALERT_RULES.maxBackoffMs;
    await t.engine.deliverDue();
    expect(t.posts).toHaveLength(1);
    expect(t.posts[0]?.nonce).toBe(pending?.pending?.nonce);
  });

  it("pauses the channel's subscriptions and tells the admins once when the permission is gone", async () => {
    const t = await setup();
    await t.subscriptions.upsert(subscription());
    await t.subscriptions.upsert(subscription({ target: { kind: "all" } }));
    await t.engine.handle(event("opened", T0));
    t.failures.push({ ok: false, kind: "forbidden", detail: "403 50013: Missing Permissions" });
    t.failures.push({ ok: false, kind: "forbidden", detail: "403 50013: Missing Permissions" });
    await t.engine.deliverDue();
    const subs = await t.subscriptions.list();
    expect(subs.every((s) => s.paused !== null)).toBe(true);
    expect(t.notes).toHaveLength(1);
    expect((await t.threads.listDead()).length).toBeGreaterThan(0);
  });

  it("moves an alert to the dead letters after the last retry", async () => {
    const t = await setup();
    await t.subscriptions.upsert(subscription());
    await t.engine.handle(event("opened", T0));
    for (let i = 0; i < DEFAULT_ALERT_RULES.maxAttempts; i++) {
      t.failures.push({ ok: false, kind: "retry", detail: "502 Bad Gateway" });
      await t.engine.deliverDue();
      clock += DEFAULT_ALERT_RULES.maxBackoffMs;
    }
    const [dead] = await t.threads.listDead();
    expect(dead?.lastError).toMatch(/gave up after 6 tries: 502/);
  });

  it("posts again when the message it should edit was deleted", async () => {
    const t = await setup();
    await t.subscriptions.upsert(subscription());
    await t.engine.handle(event("opened", T0));
    await t.engine.deliverDue();
    clock = T0 + 5 * MIN;
    await t.engine.handle(event("escalated", clock, { level: "major_outage", currentLevel: "major_outage" }));
    t.failures.push({ ok: false, kind: "message_gone", detail: "404 10008: Unknown Message" });
    await t.engine.deliverDue();
    await t.engine.deliverDue();
    expect(t.posts).toHaveLength(2);
  });

  it("follows a vendor incident into the same message as the crowd incident", async () => {
    const t = await setup();
    await t.subscriptions.upsert(subscription({ minLevel: "degraded" }));
    await t.engine.handle(event("opened", T0));
    await t.engine.deliverDue();
    clock = T0 + 3 * MIN;
    const official = officialAlertEvent({
      kind: "opened",
      serviceId: "github",
      at: clock,
      incident: {
        id: "abc",
        name: "Degraded performance for Git operations",
        status: "investigating",
        impact: "minor",
        startedAt: new Date(clock).toISOString(),
        updatedAt: null,
        latestUpdate: "We are investigating reports of degraded performance.",
        url: null,
      },
    });
    await t.engine.handle(official!);
    await t.engine.deliverDue();
    expect(t.posts).toHaveLength(1);
    expect(t.edits.at(-1)?.message.embeds[0]?.fields?.find((f) => f.name === "Timeline")?.value).toMatch(/Status page/);
  });

  it("mentions the subscription's role in the content and nowhere else", async () => {
    const t = await setup();
    await t.subscriptions.upsert(subscription({ roleId: "444444444444444444" }));
    await t.engine.handle(event("opened", T0));
    await t.engine.deliverDue();
    const message = t.posts[0]!.message;
    expect(message.content).toContain("<@&444444444444444444>");
    expect(message.mentionRoleIds).toEqual(["444444444444444444"]);
    expect(JSON.stringify(message.embeds)).not.toContain("<@&");
  });
});
