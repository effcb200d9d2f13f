// Slash command → reply received by the emulator, through the real discord.js client, against a raw
// HTTP round trip to the same emulator (the floor any transport pays) and the handler alone.
import pino from "pino";
import { afterAll, beforeAll, bench, describe } from "vitest";
import type { Invocation } from "../../commands/context.js";
import * as commands from "../../commands/index.js";
import { createDiscordBot, type DiscordBot } from "../../src/discord/index.js";
import { testContext } from "../discord/harness.js";
import { type DiscordEmulator, startEmulator } from "../support/discord-emulator/index.js";

let emulator: DiscordEmulator;
let bot: DiscordBot;
const ctx = testContext();
const inv: Invocation = {
  subcommand: "status",
  options: { service: "github" },
  user: { id: "811000000000000000", locale: "en-GB" },
  guildId: "700000000000000000",
  channelId: "700000000000000001",
  memberPermissions: 0n,
};

beforeAll(async () => {
  // No global limit: the bench measures latency, not Discord's 50 requests/s ceiling.
  emulator = await startEmulator({ globalLimit: null });
  bot = createDiscordBot({ token: "bench", apiUrl: emulator.apiUrl, ctx, logger: pino({ level: "silent" }) });
  await bot.start();
});

afterAll(async () => {
  await bot.stop();
  await emulator.close();
});

const options = { time: 3000, warmupTime: 500 };

describe("discord round trip", () => {
  bench(
    "baseline: raw HTTP GET to the emulator",
    async () => {
      const res = await fetch(`${emulator.apiUrl}/v10/channels/${emulator.channelId}`, {
        headers: { authorization: "Bot bench" },
      });
      await res.arrayBuffer();
    },
    options,
  );

  bench(
    "handler only: handleCommand status github",
    async () => {
      await commands.handleCommand(inv, ctx);
    },
    options,
  );

  bench(
    "/outage status github: gateway dispatch → discord.js → handler → callback received",
    async () => {
      await emulator.inject.command("outage", "status", { service: "github" });
    },
    options,
  );

  bench(
    "/outage services: gateway dispatch → discord.js → handler → callback received",
    async () => {
      await emulator.inject.command("outage", "services", {});
    },
    options,
  );
});
