// The admin command apart from the member one, through the real discord.js client and the emulator.
import { afterEach, describe, expect, it } from "vitest";
import { deployCommands } from "../../src/discord/deploy-commands.js";
import { type AlertHarness, seedSubscription, startAlertHarness } from "../alerts/e2e-harness.js";

/** A member who may read and write messages but manages nothing. */
const MEMBER = String((1n << 10n) | (1n << 11n));
/** A moderator with Manage Channels only. */
const MANAGER = String((1n << 4n) | (1n << 10n) | (1n << 11n));

let h: AlertHarness | undefined;
afterEach(async () => {
  expect(h?.emulator.violations ?? []).toEqual([]);
  await h?.close();
  h = undefined;
});

async function registered(): Promise<AlertHarness> {
  const harness = await startAlertHarness();
  const { emulator } = harness;
  await deployCommands({ token: "t", appId: emulator.appId, apiUrl: emulator.apiUrl });
  return harness;
}

describe("admin commands apart", () => {
  it("shows a plain member /outage only, and a channel manager /outage-alerts too", async () => {
    h = await registered();
    expect(h.emulator.inject.visibleCommands({ permissions: MEMBER })).toEqual(["outage"]);
    expect(h.emulator.inject.visibleCommands({ permissions: MANAGER })).toEqual(["outage", "outage-alerts"]);
    await expect(
      h.emulator.inject.command("outage-alerts", "subscribe", { service: "github" }, { permissions: MEMBER }),
    ).rejects.toThrow(/does not show \/outage-alerts/);
  });

  it("lets a channel manager subscribe through /outage-alerts", async () => {
    h = await registered();
    const out = await h.emulator.inject.command(
      "outage-alerts",
      "subscribe",
      { service: "github" },
      { permissions: MANAGER },
    );
    expect(out.ephemeral).toBe(true);
    expect(out.message?.content).toContain("Subscribed");
    expect(await h.repos.subscriptions.list()).toHaveLength(1);
  });

  it("lets any member read the list, paused ones with why, without being told about changing subscriptions", async () => {
    h = await registered();
    const { guildId, channelId } = h.emulator;
    await h.repos.subscriptions.upsert(seedSubscription(guildId, channelId, { target: { kind: "all" } }));
    await h.repos.subscriptions.pause(`${channelId}:*`, "the channel was deleted", h.clock.now);
    const out = await h.emulator.inject.command("outage", "subscriptions", {}, { permissions: MEMBER });
    expect(out.ephemeral).toBe(true);
    const embed = out.message?.embeds[0] as { title: string; description: string } | undefined;
    expect(embed?.title).toBe("Alert subscriptions (1, 1 paused)");
    expect(embed?.description).toContain("**paused**: the channel was deleted");
    expect(JSON.stringify(out.message)).not.toContain("to change alert subscriptions");
  });

  it("offers unsubscribe only what the channel is subscribed to, paused ones marked", async () => {
    h = await registered();
    const { guildId, channelId } = h.emulator;
    await h.repos.subscriptions.upsert(seedSubscription(guildId, channelId, { target: { kind: "all" } }));
    await h.repos.subscriptions.upsert(
      seedSubscription(guildId, channelId, { target: { kind: "service", serviceId: "github" } }),
    );
    await h.repos.subscriptions.upsert(
      seedSubscription(guildId, "900000000000000001", { target: { kind: "service", serviceId: "slack" } }),
    );
    await h.repos.subscriptions.pause(`${channelId}:*`, "the channel was deleted", h.clock.now);
    const out = await h.emulator.inject.autocomplete("outage-alerts", "unsubscribe", { service: "" }, "service", {
      permissions: MANAGER,
    });
    expect([...out.choices].sort((a, b) => (a.value < b.value ? -1 : 1))).toEqual([
      { name: "All services (paused)", value: "all" },
      { name: "GitHub", value: "github" },
    ]);
  });

  it("lists the same subscriptions under /outage-alerts list", async () => {
    h = await registered();
    await h.repos.subscriptions.upsert(
      seedSubscription(h.emulator.guildId, h.emulator.channelId, { target: { kind: "service", serviceId: "github" } }),
    );
    const out = await h.emulator.inject.command("outage-alerts", "list", {}, { permissions: MANAGER });
    expect((out.message?.embeds[0] as { description: string } | undefined)?.description).toContain("**GitHub**");
  });
});

describe("unknown commands", () => {
  it("refuses a command name it does not have, privately and with a log line, instead of answering /outage status", async () => {
    h = await startAlertHarness();
    const out = await h.emulator.inject.command("foo", "status", { service: "github" });
    expect(out.callbackType).toBe(4);
    expect(out.ephemeral).toBe(true);
    expect(out.message?.content).toContain("I don't have a `/foo` command");
    expect(out.message?.embeds).toEqual([]);
    expect(h.logs.some((l) => l.msg === "unknown command" && l.command === "foo")).toBe(true);
  });
});
