// Subscriptions follow their channel: gateway events pause them at once, through the real discord.js client.
import { afterEach, describe, expect, it } from "vitest";
import type { Subscription } from "../../src/alerts/subscription.js";
import { snowflake } from "../support/discord-emulator/index.js";
import { type AlertHarness, BOT_PERMISSIONS, PERMS, seedSubscription, startAlertHarness } from "./e2e-harness.js";

let h: AlertHarness | undefined;
afterEach(async () => {
  expect(h?.emulator.violations ?? []).toEqual([]);
  await h?.close();
  h = undefined;
});

const target = { kind: "service" as const, serviceId: "github" };

/** A guild with a system channel (where admins are told), two channels, a managed role and a plain one. */
async function world() {
  const ids = { guild: snowflake(), system: snowflake(), doomed: snowflake(), fine: snowflake() };
  const roles = { bots: snowflake(), oncall: snowflake() };
  const harness = await startAlertHarness({
    emulatorOptions: {
      guilds: [
        {
          id: ids.guild,
          name: "Guild",
          systemChannelId: ids.system,
          botPermissions: BOT_PERMISSIONS,
          roles: [
            { id: roles.bots, name: "Some Bot", managed: true },
            { id: roles.oncall, name: "on-call" },
          ],
          channels: [
            { id: ids.system, name: "system" },
            { id: ids.doomed, name: "doomed" },
            { id: ids.fine, name: "fine" },
          ],
        },
      ],
    },
  });
  await harness.repos.subscriptions.upsertMany([
    seedSubscription(ids.guild, ids.doomed, { target }),
    seedSubscription(ids.guild, ids.fine, { target }),
  ]);
  return { harness, ids, roles };
}

/** `/outage-alerts subscribe` from the world's "fine" channel, by a member with every permission. */
function subscribe(harness: AlertHarness, ids: { guild: string; fine: string }, options: Record<string, string>) {
  return harness.emulator.inject.command(
    "outage-alerts",
    "subscribe",
    { service: "github", ...options },
    { guildId: ids.guild, channelId: ids.fine },
  );
}

async function pausedOf(harness: AlertHarness, channelId: string): Promise<Subscription["paused"] | undefined> {
  return (await harness.repos.subscriptions.list()).find((s) => s.channelId === channelId)?.paused;
}

describe("subscriptions follow their channel", () => {
  it("pauses the subscription of a deleted channel on CHANNEL_DELETE, tells the admins once and lists it as paused", async () => {
    const { harness, ids } = await world();
    h = harness;
    h.emulator.deleteChannel(ids.doomed);
    await expect.poll(() => pausedOf(harness, ids.doomed)).toMatchObject({ reason: "the channel was deleted" });
    await expect.poll(() => harness.emulator.channelMessages(ids.system).length).toBe(1);
    expect(await pausedOf(harness, ids.fine)).toBeNull();
    // Nothing was sent to find out: the gateway said so.
    expect(h.emulator.requests.filter((r) => r.path.includes(ids.doomed))).toEqual([]);
    expect(h.emulator.channelMessages(ids.system)[0]?.content).toContain(`<#${ids.doomed}>`);

    const list = await h.emulator.inject.command(
      "outage",
      "subscriptions",
      {},
      { guildId: ids.guild, channelId: ids.fine },
    );
    const embed = list.message?.embeds[0] as { title: string; description: string } | undefined;
    expect(embed?.title).toBe("Alert subscriptions (2, 1 paused)");
    expect(embed?.description).toContain(`<#${ids.doomed}> · **GitHub**`);
    expect(embed?.description).toContain("**paused**: the channel was deleted");
    expect(h.emulator.channelMessages(ids.system)).toHaveLength(1);
  });

  it("pauses the subscription when the bot loses Send Messages there (CHANNEL_UPDATE), naming the permission", async () => {
    const { harness, ids } = await world();
    h = harness;
    h.emulator.denyBot(ids.doomed, String(PERMS.sendMessages));
    await expect.poll(() => pausedOf(harness, ids.doomed)).toMatchObject({ reason: "I lost **Send Messages** there" });
    await expect.poll(() => harness.emulator.channelMessages(ids.system).length).toBe(1);
    expect(await pausedOf(harness, ids.fine)).toBeNull();
  });

  it("pauses every subscription of a server that removed the bot (GUILD_DELETE), telling no one", async () => {
    const { harness, ids } = await world();
    h = harness;
    h.emulator.removeGuild(ids.guild);
    await expect
      .poll(async () => (await harness.repos.subscriptions.list()).map((s) => s.paused?.reason))
      .toEqual(["the bot was removed from the server", "the bot was removed from the server"]);
    expect(h.emulator.channelMessages(ids.system)).toEqual([]);
  });
});

describe("subscribe refuses what cannot work, saying why", () => {
  it("refuses @everyone as the role to mention", async () => {
    const { harness, ids } = await world();
    h = harness;
    const out = await subscribe(h, ids, { role: ids.guild });
    expect(out.message?.content).toContain("Alerts do not ping **@everyone**");
    expect(out.message?.content).not.toContain("@@everyone");
  });

  it("refuses a role managed by an integration", async () => {
    const { harness, ids, roles } = await world();
    h = harness;
    const out = await subscribe(h, ids, { role: roles.bots });
    expect(out.message?.content).toContain("**Some Bot** is managed by an integration");
  });

  it("subscribes a forum post (a thread) and refuses the forum itself, pointing to its posts", async () => {
    const { harness, ids } = await world();
    h = harness;
    const forum = h.emulator.addChannel({ guildId: ids.guild, name: "incidents", type: 15 });
    const post = h.emulator.addChannel({ guildId: ids.guild, name: "status updates", type: 11, parentId: forum });
    await expect.poll(() => harness.bot.client.channels.cache.has(post)).toBe(true);
    const refused = await subscribe(h, ids, { channel: forum });
    expect(refused.message?.content).toContain("is a forum: alerts go into one post");
    // The bot's role has Send Messages but not Send Messages in Threads: a thread needs that one.
    const thread = await subscribe(h, ids, { channel: post });
    expect(thread.message?.content).toContain("**Send Messages in Threads**");
  });

  it("subscribes a thread where the bot may post in threads", async () => {
    h = await startAlertHarness();
    const post = h.emulator.addChannel({ name: "status updates", type: 11, parentId: h.emulator.channelId });
    await expect.poll(() => h!.bot.client.channels.cache.has(post)).toBe(true);
    const out = await h.emulator.inject.command("outage-alerts", "subscribe", { service: "github", channel: post });
    expect(out.message?.content).toContain("Subscribed");
    expect((await h.repos.subscriptions.list()).map((s) => s.channelId)).toEqual([post]);
  });

  it("says plainly that it is not in a server it has never seen, instead of 'cannot find that channel'", async () => {
    h = await startAlertHarness();
    const out = await h.emulator.inject.command(
      "outage-alerts",
      "subscribe",
      { service: "github" },
      { guildId: snowflake(), channelId: snowflake() },
    );
    expect(out.message?.content).toContain("I am not a member of this server");
    expect(out.message?.content).not.toContain("cannot find that channel");
  });
});
