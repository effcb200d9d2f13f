// Subscriptions and single-alert delivery through the real discord.js client and the emulator.
import { afterEach, describe, expect, it, vi } from "vitest";
import type { AlertEvent } from "../../src/alerts/alert-event.js";
import { snowflake } from "../support/discord-emulator/index.js";
import {
  type AlertHarness,
  BOT_PERMISSIONS,
  limitHits,
  PERMS,
  postsTo,
  seedSubscription,
  startAlertHarness,
} from "./e2e-harness.js";
import { event } from "./fixtures.js";

const NO_SEND_NO_EMBED = String(PERMS.sendMessages | PERMS.embedLinks);

/** A github incident opening at the harness clock. */
function opened(h: AlertHarness, over: Parameters<typeof event>[2] = {}): AlertEvent {
  return event("opened", h.clock.now, { startedAt: h.clock.now, peakAt: h.clock.now, updatedAt: h.clock.now, ...over });
}

/** A harness whose one guild gives the bot a careful (non-admin) role and denies it `deny` in one channel. */
async function withDeniedChannel(deny: string): Promise<{ harness: AlertHarness; denied: string }> {
  const denied = snowflake();
  const harness = await startAlertHarness({
    emulatorOptions: {
      guilds: [
        {
          id: snowflake(),
          name: "Careful Guild",
          botPermissions: BOT_PERMISSIONS,
          channels: [
            { id: snowflake(), name: "general" },
            { id: denied, name: "news", botDeny: deny },
          ],
        },
      ],
    },
  });
  return { harness, denied };
}

describe("alert subscriptions and delivery end to end", () => {
  let h: AlertHarness | undefined;
  afterEach(async () => {
    if (h) {
      expect(h.emulator.violations).toEqual([]);
      await h.close();
    }
    h = undefined;
  });

  it("subscribes a channel where the bot may post, answering privately", async () => {
    h = await startAlertHarness();
    const out = await h.emulator.inject.command("outage-alerts", "subscribe", {
      service: "github",
      "min-level": "degraded",
    });
    expect(out.ephemeral).toBe(true);
    expect(out.message?.content).toContain("Subscribed");
    const subs = await h.repos.subscriptions.list();
    expect(subs).toMatchObject([
      { guildId: h.emulator.guildId, channelId: h.emulator.channelId, minLevel: "degraded", paused: null },
    ]);
  });

  it("refuses a channel where the bot cannot send or embed links, naming the missing permissions", async () => {
    const { harness, denied } = await withDeniedChannel(NO_SEND_NO_EMBED);
    h = harness;
    const out = await h.emulator.inject.command("outage-alerts", "subscribe", { service: "github", channel: denied });
    expect(out.ephemeral).toBe(true);
    expect(out.message?.content).toContain("**Send Messages**");
    expect(out.message?.content).toContain("**Embed Links**");
    expect(out.message?.content).not.toContain("View Channel");
    expect(await h.repos.subscriptions.list()).toEqual([]);
  });

  it("refuses a channel where the bot cannot attach the chart, naming Attach Files", async () => {
    const { harness, denied } = await withDeniedChannel(String(PERMS.attachFiles));
    h = harness;
    const out = await h.emulator.inject.command("outage-alerts", "subscribe", { service: "github", channel: denied });
    expect(out.message?.content).toContain("**Attach Files**");
    expect(await h.repos.subscriptions.list()).toEqual([]);
  });

  it("refuses a voice channel and a channel of another server", async () => {
    h = await startAlertHarness();
    const voice = h.emulator.addChannel({ name: "voice", type: 2 });
    // The channel reaches the bot by CHANNEL_CREATE: wait until its cache has it.
    await vi.waitFor(() => expect(h!.bot.client.channels.cache.has(voice)).toBe(true), {
      timeout: 15_000,
      interval: 5,
    });
    const asVoice = await h.emulator.inject.command("outage-alerts", "subscribe", {
      service: "github",
      channel: voice,
    });
    expect(asVoice.message?.content).toContain("not a text channel");
    const elsewhere = await h.emulator.inject.command("outage-alerts", "subscribe", {
      service: "github",
      channel: snowflake(),
    });
    expect(elsewhere.message?.content).toContain("cannot find that channel");
    expect(await h.repos.subscriptions.list()).toEqual([]);
  });

  it("mentions the subscription's role in the content and lets only that role ping", async () => {
    h = await startAlertHarness();
    const roleId = snowflake();
    const sub = await h.emulator.inject.command("outage-alerts", "subscribe", {
      service: "github",
      role: roleId,
      "min-level": "degraded",
    });
    expect(sub.message?.content).toContain(`<@&${roleId}>`);
    await h.engine.handle(opened(h));
    expect(await h.engine.deliverDue()).toMatchObject({ sent: 1, failed: 0 });

    const [message] = h.emulator.channelMessages(h.emulator.channelId).filter((m) => m.embeds.length > 0);
    expect(message?.content.startsWith(`<@&${roleId}>`)).toBe(true);
    expect(message?.mention_roles).toEqual([roleId]);
    expect(message?.mention_everyone).toBe(false);
    const [post] = postsTo(h.emulator, h.emulator.channelId).filter((r) => (r.body as { nonce?: string }).nonce);
    expect(post?.body).toMatchObject({ allowed_mentions: { parse: [], roles: [roleId] } });
    expect(JSON.stringify(message?.embeds)).not.toContain("<@&");
    expect(limitHits(h.emulator)).toEqual([]);
  });

  it("delivers each alert exactly once through a storm of 429 answers", async () => {
    h = await startAlertHarness({ emulatorOptions: { injected429RetryAfterMs: 20 } });
    const channels = [h.emulator.channelId, ...Array.from({ length: 4 }, () => h!.emulator.addChannel({}))];
    await h.repos.subscriptions.upsertMany(
      channels.map((c) =>
        seedSubscription(h!.emulator.guildId, c, { target: { kind: "service", serviceId: "github" } }),
      ),
    );
    h.emulator.failNext("POST /channels/:channel/messages", "429", 25);
    h.emulator.failNext("POST /channels/:channel/messages", "429-global", 3);
    await h.engine.handle(opened(h));
    expect(await h.engine.deliverDue()).toMatchObject({ sent: 5, failed: 0 });

    for (const channelId of channels) expect(h.emulator.channelMessages(channelId)).toHaveLength(1);
    const limited = h.emulator.requests.filter((r) => r.limited === "injected");
    expect(limited).toHaveLength(28);
    expect(limitHits(h.emulator)).toEqual([]);
  });

  it("pauses the subscription of a deleted channel and tells the admins once", async () => {
    const guildId = snowflake();
    const system = snowflake();
    const doomed = snowflake();
    const fine = snowflake();
    h = await startAlertHarness({
      emulatorOptions: {
        guilds: [
          {
            id: guildId,
            name: "Guild",
            systemChannelId: system,
            channels: [
              { id: system, name: "system" },
              { id: doomed, name: "doomed" },
              { id: fine, name: "fine" },
            ],
          },
        ],
      },
    });
    const target = { kind: "service" as const, serviceId: "github" };
    await h.repos.subscriptions.upsertMany([
      seedSubscription(guildId, doomed, { target }),
      seedSubscription(guildId, fine, { target }),
    ]);
    h.emulator.setChannel(doomed, "deleted");
    await h.engine.handle(opened(h));
    await h.engine.deliverDue();
    // The incident grows and a second one starts: the paused channel is not tried again.
    h.clock.now += 5 * 60_000;
    await h.engine.handle(event("escalated", h.clock.now, { currentLevel: "major_outage", level: "major_outage" }));
    await h.engine.deliverDue();
    await h.engine.handle(opened(h, { id: "github:other" }));
    await h.engine.deliverDue();

    expect(postsTo(h.emulator, doomed)).toHaveLength(1);
    expect(h.emulator.channelMessages(fine)).toHaveLength(1);
    const notices = h.emulator.channelMessages(system);
    expect(notices).toHaveLength(1);
    expect(notices[0]?.content).toContain(`<#${doomed}>`);
    expect(notices[0]?.content).toContain("Unknown Channel");
    const subs = await h.repos.subscriptions.list();
    expect(subs.find((s) => s.channelId === doomed)?.paused?.reason).toContain("gone");
    expect(subs.find((s) => s.channelId === fine)?.paused).toBeNull();
    expect(limitHits(h.emulator)).toEqual([]);
  });

  it("tells the owner by direct message when the server has no system channel and a permission is lost", async () => {
    const guildId = snowflake();
    const channel = snowflake();
    const ownerId = snowflake();
    h = await startAlertHarness({
      emulatorOptions: {
        guilds: [
          { id: guildId, name: "Guild", ownerId, systemChannelId: null, channels: [{ id: channel, name: "a" }] },
        ],
      },
    });
    await h.repos.subscriptions.upsert(seedSubscription(guildId, channel, { target: { kind: "all" } }));
    h.emulator.setChannel(channel, "missing-permissions");
    await h.engine.handle(opened(h));
    expect(await h.engine.deliverDue()).toMatchObject({ sent: 0, failed: 1 });

    const dm = h.emulator.dmChannel(ownerId);
    expect(dm).toBeDefined();
    expect(h.emulator.channelMessages(dm!)).toHaveLength(1);
    expect(h.emulator.channelMessages(dm!)[0]?.content).toContain("Missing Permissions");
    expect((await h.repos.subscriptions.list())[0]?.paused).not.toBeNull();
  });
});
