import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./harness.js";

type Embed = { title?: string; description?: string; fields?: { name: string; value: string }[] };
const embeds = (m: { embeds: unknown[] } | null) => (m?.embeds ?? []) as Embed[];
const text = (m: { content: string; embeds: unknown[] } | null) => `${m?.content}\n${JSON.stringify(m?.embeds)}`;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());
afterEach(() => {
  expect(h.emulator.violations).toEqual([]);
});

describe("slash commands through discord.js and the emulator", () => {
  it("logs in with the Guilds intent and sees the emulator's guild", () => {
    expect(h.bot.client.isReady()).toBe(true);
    expect(h.bot.client.guilds.cache.has(h.emulator.guildId)).toBe(true);
    expect(h.emulator.gatewayStats.identifies).toBe(1);
    expect(h.emulator.gatewayStats.intents).toBe(1); // GatewayIntentBits.Guilds only
  });

  it("answers /outage status <service> with one public embed and buttons", async () => {
    const out = await h.emulator.inject.command("outage", "status", { service: "github" });
    expect(out.callbackType).toBe(4);
    expect(out.ephemeral).toBe(false);
    expect(embeds(out.message)[0]?.title).toContain("GitHub");
    const ids = JSON.stringify(out.message?.components);
    expect(ids).toContain("outage:refresh:github");
    expect(ids).toContain("outage:report:github");
  });

  it("reports each answered command by subcommand name, for the metrics", async () => {
    await h.emulator.inject.command("outage", "services", {});
    // The bot reports after its answer is out, so the emulator may see the answer first.
    await expect
      .poll(() => h.answered.find((a) => a.name === "services"))
      .toMatchObject({ name: "services", failed: false });
  });

  it("logs whether a command came from a server, never the server's id", async () => {
    const before = h.logs.length;
    await h.emulator.inject.command("outage", "services", {});
    await expect.poll(() => h.logs.slice(before).some((l) => l.msg === "interaction answered")).toBe(true);
    const line = h.logs.slice(before).find((l) => l.msg === "interaction answered");
    expect(line).toMatchObject({ inGuild: true });
    expect(JSON.stringify(line)).not.toContain(h.emulator.guildId);
  });

  it("answers /outage status without a service with the overview", async () => {
    const out = await h.emulator.inject.command("outage", "status", {});
    expect(out.callbackType).toBe(4);
    expect(text(out.message).toLowerCase()).toMatch(/all clear|operational|no /);
  });

  it("answers /outage regions <service> [window]", async () => {
    const out = await h.emulator.inject.command("outage", "regions", { service: "github", window: "1h" });
    expect(out.callbackType).toBe(4);
    expect(text(out.message)).toContain("GitHub");
  });

  it("answers /outage incidents", async () => {
    const out = await h.emulator.inject.command("outage", "incidents", { state: "recent" });
    expect(out.callbackType).toBe(4);
    // The harness's board has no incidents: the embed says so rather than showing an empty list.
    expect(embeds(out.message)[0]?.title).toBe("Recent incidents");
    expect(embeds(out.message)[0]?.description).toBe("No recent incidents.");
  });

  it("answers /outage report <service> privately and counts the report", async () => {
    const out = await h.emulator.inject.command("outage", "report", { service: "github", problem: "login" });
    expect(out.callbackType).toBe(4);
    expect(out.ephemeral).toBe(true);
    const offers = (h.ctx.intake as unknown as { offers: { service: string; problem: string }[] }).offers;
    expect(offers.at(-1)).toMatchObject({ service: "github", problem: "login" });
  });

  it("answers /outage services", async () => {
    const out = await h.emulator.inject.command("outage", "services", {});
    expect(text(out.message)).toContain("GitHub");
  });

  it("answers an unknown service privately with did-you-mean suggestions", async () => {
    const out = await h.emulator.inject.command("outage", "status", { service: "githb" });
    expect(out.ephemeral).toBe(true);
    expect(text(out.message)).toContain("GitHub");
  });

  it("passes the user's locale, guild and permissions to the handler", async () => {
    const user = { id: "811000000000000042" };
    const out = await h.emulator.inject.command("outage", "report", { service: "x" }, { locale: "de", user });
    expect(out.ephemeral).toBe(true);
    type Offer = { region?: string; regionInferred?: boolean; reporter: string; origin?: string };
    const offers = (h.ctx.intake as unknown as { offers: Offer[] }).offers;
    expect(offers.at(-1)).toMatchObject({
      reporter: user.id,
      region: "DE",
      regionInferred: true,
      origin: h.emulator.guildId,
    });
  });

  it("answers in a DM, outside any guild", async () => {
    const out = await h.emulator.inject.command(
      "outage",
      "services",
      {},
      { guildId: null, channelId: "900000000000000001" },
    );
    expect(out.callbackType).toBe(4);
  });

  it("logs each command with its latency", () => {
    const lines = h.logs.filter((l) => l.msg === "interaction answered" && l.command === "/outage status");
    expect(lines.length).toBeGreaterThan(0);
    expect(typeof lines[0]?.ms).toBe("number");
  });
});

describe("autocomplete", () => {
  it("offers services matching the typed text", async () => {
    const out = await h.emulator.inject.autocomplete("outage", "status", { service: "git" }, "service");
    expect(out.callbackType).toBe(8);
    expect(out.choices.map((c) => c.value)).toEqual(expect.arrayContaining(["github", "gitlab"]));
  });

  it("finds a service by alias", async () => {
    const out = await h.emulator.inject.autocomplete("outage", "status", { service: "twitter" }, "service");
    expect(out.choices.map((c) => c.value)).toContain("x");
  });

  it("offers regions by alias", async () => {
    const out = await h.emulator.inject.autocomplete("outage", "report", { service: "github", region: "UK" }, "region");
    expect(out.choices.map((c) => c.value)).toContain("GB");
  });
});

describe("buttons", () => {
  it("Refresh updates the status message in place", async () => {
    const first = await h.emulator.inject.command("outage", "status", { service: "github" });
    const message = first.message!;
    const before = h.emulator.channelMessages(h.emulator.channelId).length;
    const out = await h.emulator.inject.button(message.id, "outage:refresh:github");
    expect(out.callbackType).toBe(7);
    expect(out.message?.id).toBe(message.id);
    expect(out.message?.edited_timestamp).not.toBeNull();
    expect(h.emulator.channelMessages(h.emulator.channelId).length).toBe(before);
  });

  it("Report a problem opens a private menu of problem types, and the pick is counted in its place", async () => {
    const first = await h.emulator.inject.command("outage", "status", { service: "github" });
    const menu = await h.emulator.inject.button(first.message!.id, "outage:report:github");
    expect(menu.callbackType).toBe(4);
    expect(menu.ephemeral).toBe(true);
    expect(menu.message?.id).not.toBe(first.message!.id);
    const row = menu.message?.components[0] as {
      components: { type: number; custom_id: string; options: { value: string }[] }[];
    };
    expect(row.components[0]).toMatchObject({ type: 3, custom_id: "outage:report-problem:github" });
    expect(row.components[0]?.options.map((o) => o.value)).toContain("login");

    const picked = await h.emulator.inject.select(menu.message!.id, "outage:report-problem:github", ["login"]);
    // The private menu becomes the private receipt: no second message, no menu left to pick again.
    expect(picked.callbackType).toBe(7);
    expect(picked.message?.id).toBe(menu.message!.id);
    expect(picked.message?.content).toContain("**Login** problems with **GitHub**");
    expect(picked.message?.components).toEqual([]);
    expect(h.emulator.violations).toEqual([]);
  });
});
