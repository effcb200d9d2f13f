import { Client, DiscordAPIError, Events, GatewayIntentBits, Routes } from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import { createRest } from "../../src/discord/index.js";
import { type DiscordEmulator, type EmulatorOptions, startEmulator } from "../support/discord-emulator/index.js";

const POST_MESSAGE = "POST /channels/:channel/messages";
let e: DiscordEmulator | undefined;
afterEach(async () => {
  await e?.close();
  e = undefined;
});

async function setup(options: EmulatorOptions = {}) {
  e = await startEmulator(options);
  return { e, rest: createRest("t", e.apiUrl) };
}

async function apiError(call: Promise<unknown>): Promise<{ status: number; code: number | string }> {
  const error = await call.then(
    () => null,
    (err: unknown) => err,
  );
  if (!(error instanceof DiscordAPIError)) throw new Error(`expected a DiscordAPIError, got ${error}`);
  return { status: error.status, code: error.code };
}

describe("emulator: channel messages", () => {
  it("creates a message and returns the full message object", async () => {
    const { e, rest } = await setup();
    const m = (await rest.post(Routes.channelMessages(e.channelId), { body: { content: "hi" } })) as { id: string };
    expect(m).toMatchObject({ channel_id: e.channelId, content: "hi", author: { bot: true }, edited_timestamp: null });
    expect(e.channelMessages(e.channelId).map((x) => x.id)).toEqual([m.id]);
  });

  it("edits a message in place", async () => {
    const { e, rest } = await setup();
    const m = (await rest.post(Routes.channelMessages(e.channelId), { body: { content: "v1" } })) as { id: string };
    await rest.patch(Routes.channelMessage(e.channelId, m.id), { body: { embeds: [{ title: "v2" }] } });
    const [stored] = e.channelMessages(e.channelId);
    expect(stored).toMatchObject({ content: "v1", embeds: [{ title: "v2" }] });
    expect(stored?.edited_timestamp).not.toBeNull();
  });

  it("keeps uploaded files as attachments with their descriptions", async () => {
    const { e, rest } = await setup();
    await rest.post(Routes.channelMessages(e.channelId), {
      body: { attachments: [{ id: 0, description: "chart" }], embeds: [{ image: { url: "attachment://c.png" } }] },
      files: [{ name: "c.png", data: Buffer.from([1, 2, 3]), contentType: "image/png" }],
    });
    expect(e.channelMessages(e.channelId)[0]?.attachments).toMatchObject([
      { filename: "c.png", size: 3, description: "chart" },
    ]);
    expect(e.violations).toEqual([]);
  });

  it("answers Unknown Channel for a deleted channel and Missing Permissions when taken away", async () => {
    const { e, rest } = await setup();
    e.setChannel(e.channelId, "deleted");
    expect(await apiError(rest.post(Routes.channelMessages(e.channelId), { body: { content: "x" } }))).toEqual({
      status: 404,
      code: 10003,
    });
    e.setChannel(e.channelId, "missing-permissions");
    expect(await apiError(rest.post(Routes.channelMessages(e.channelId), { body: { content: "x" } }))).toEqual({
      status: 403,
      code: 50013,
    });
  });

  it("fails the next calls of a route as told", async () => {
    const { e, rest } = await setup();
    e.failNext(POST_MESSAGE, "unknown-channel", 1);
    const send = () => rest.post(Routes.channelMessages(e.channelId), { body: { content: "x" } });
    expect((await apiError(send())).code).toBe(10003);
    await expect(send()).resolves.toMatchObject({ content: "x" });
  });
});

describe("emulator: limits and shapes", () => {
  it("refuses a message over Discord's limits and records the violation", async () => {
    const { e, rest } = await setup();
    const body = {
      content: "x".repeat(2001),
      embeds: [{ title: "t", fields: Array(26).fill({ name: "a", value: "b" }) }],
    };
    expect(await apiError(rest.post(Routes.channelMessages(e.channelId), { body }))).toEqual({
      status: 400,
      code: 50035,
    });
    const problems = e.violations.map((v) => v.problem).join("\n");
    expect(problems).toMatch(/content/);
    expect(problems).toMatch(/embeds\.0\.fields/);
  });

  it.each([
    [
      "an embed over 6,000 characters in all",
      { embeds: [{ description: "d".repeat(4000) }, { description: "e".repeat(2500) }] },
      /6000/,
    ],
    ["an empty message", { content: "" }, /empty/],
    [
      "a custom_id over 100 characters",
      {
        content: "x",
        components: [{ type: 1, components: [{ type: 2, style: 1, label: "b", custom_id: "c".repeat(101) }] }],
      },
      /custom_id/,
    ],
    [
      "six action rows",
      {
        content: "x",
        components: Array(6).fill({
          type: 1,
          components: [{ type: 2, style: 5, label: "l", url: "https://a.example" }],
        }),
      },
      /components/,
    ],
  ])("records %s", async (_name, body, problem) => {
    const { e, rest } = await setup();
    expect((await apiError(rest.post(Routes.channelMessages(e.channelId), { body }))).code).toBe(50035);
    expect(e.violations.map((v) => v.problem).join("\n")).toMatch(problem);
  });

  it("records a request without a bot token", async () => {
    const { e } = await setup();
    const res = await fetch(`${e.apiUrl}/v10/channels/${e.channelId}/messages`, { method: "POST", body: "{}" });
    expect(res.status).toBe(401);
    expect(e.violations[0]?.problem).toMatch(/authorization/);
  });
});

describe("emulator: rate limits", () => {
  it("sends Discord's rate-limit headers", async () => {
    const { e } = await setup();
    const res = await fetch(`${e.apiUrl}/v10/channels/${e.channelId}/messages`, {
      method: "POST",
      headers: { authorization: "Bot t", "content-type": "application/json" },
      body: JSON.stringify({ content: "x" }),
    });
    expect(res.headers.get("x-ratelimit-limit")).toBe("5");
    expect(res.headers.get("x-ratelimit-remaining")).toBe("4");
    expect(Number(res.headers.get("x-ratelimit-reset-after"))).toBeGreaterThan(0);
    expect(res.headers.get("x-ratelimit-bucket")).toMatch(/^[0-9a-f]{16}$/);
  });

  it("answers 429 with retry_after past a route's limit, and discord.js waits and gets through", async () => {
    const { e, rest } = await setup({ routeLimits: { [POST_MESSAGE]: { limit: 2, windowMs: 100 } } });
    const sends = Array.from({ length: 5 }, (_, i) =>
      rest.post(Routes.channelMessages(e.channelId), { body: { content: `m${i}` } }),
    );
    await Promise.all(sends);
    expect(e.channelMessages(e.channelId)).toHaveLength(5);
    // discord.js reads the headers and paces itself: at most the first burst can overrun.
    expect(e.requests.filter((r) => r.status === 429).length).toBeLessThanOrEqual(1);
  });

  it("enforces the global limit on raw requests with X-RateLimit-Global", async () => {
    const { e } = await setup({ globalLimit: { limit: 10, windowMs: 60_000 } });
    const results = await Promise.all(
      Array.from({ length: 12 }, () =>
        fetch(`${e.apiUrl}/v10/channels/${e.channelId}`, { headers: { authorization: "Bot t" } }),
      ),
    );
    const limited = results.filter((r) => r.status === 429);
    expect(limited).toHaveLength(2);
    expect(limited[0]?.headers.get("x-ratelimit-global")).toBe("true");
    expect(limited[0]?.headers.get("x-ratelimit-scope")).toBe("global");
    const body = (await limited[0]!.json()) as { retry_after: number; global: boolean };
    expect(body).toMatchObject({ global: true });
    expect(body.retry_after).toBeGreaterThan(0);
  });

  it("lets discord.js retry an injected global 429", async () => {
    const { e, rest } = await setup({ injected429RetryAfterMs: 20 });
    e.failNext(POST_MESSAGE, "429-global", 2);
    await rest.post(Routes.channelMessages(e.channelId), { body: { content: "x" } });
    expect(e.requests.map((r) => r.status)).toEqual([429, 429, 200]);
  });
});

describe("emulator: channels added during a test", () => {
  it("serves messages in a channel added with addChannel", async () => {
    const { e, rest } = await setup();
    const id = e.addChannel({ name: "alerts" });
    await rest.post(Routes.channelMessages(id), { body: { content: "outage!" } });
    expect(e.channelMessages(id).map((m) => m.content)).toEqual(["outage!"]);
  });
});

describe("emulator: interaction callback with_response", () => {
  it("returns the created message when asked with with_response", async () => {
    const { e } = await setup();
    const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: e.apiUrl } });
    const responses: unknown[] = [];
    client.on(Events.InteractionCreate, async (i) => {
      if (i.isChatInputCommand()) responses.push(await i.reply({ content: "hello", withResponse: true }));
    });
    await client.login("t");
    const out = await e.inject.command("outage", "services", {});
    await expect.poll(() => responses.length).toBe(1);
    const response = responses[0] as { resource: { message: { id: string } } };
    expect(response.resource.message.id).toBe(out.message?.id);
    expect(e.requests.find((r) => r.route.includes("callback"))?.query).toEqual({ with_response: "true" });
    await client.destroy();
  });
});

describe("emulator: guilds and DMs", () => {
  it("serves a guild with its owner and system channel", async () => {
    const { e, rest } = await setup({
      guilds: [
        {
          id: "700000000000000000",
          name: "G",
          ownerId: "811000000000000001",
          channels: [{ id: "700000000000000001", name: "general" }],
        },
      ],
    });
    expect(await rest.get(Routes.guild(e.guildId))).toMatchObject({
      owner_id: "811000000000000001",
      system_channel_id: "700000000000000001",
    });
  });

  it("opens a DM channel that takes messages", async () => {
    const { e, rest } = await setup();
    const dm = (await rest.post(Routes.userChannels(), { body: { recipient_id: "811000000000000001" } })) as {
      id: string;
    };
    await rest.post(Routes.channelMessages(dm.id), { body: { content: "your alerts are paused" } });
    expect(e.dmChannel("811000000000000001")).toBe(dm.id);
    expect(e.channelMessages(dm.id)[0]?.content).toBe("your alerts are paused");
  });

  it("answers Unknown Guild and Missing Access once the guild removed the bot", async () => {
    const { e, rest } = await setup();
    e.removeGuild(e.guildId);
    expect((await apiError(rest.get(Routes.guild(e.guildId)))).code).toBe(10004);
    expect((await apiError(rest.post(Routes.channelMessages(e.channelId), { body: { content: "x" } }))).code).toBe(
      50001,
    );
  });
});
