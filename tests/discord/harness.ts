// Starts the Discord emulator and the real discord.js bot against it, for end-to-end tests.
import pino from "pino";
import type { CommandContext } from "../../commands/context.js";
import type { CommandHandlers } from "../../commands/runner.js";
import { createCatalog } from "../../src/catalog/catalog.js";
import { createRegionDirectory } from "../../src/catalog/regions.js";
import { builtInServices } from "../../src/catalog/services-data.js";
import type { CommandHashStore } from "../../src/discord/deploy-commands.js";
import { createDiscordBot, type DiscordBot } from "../../src/discord/index.js";
import { fakeContext } from "../commands/fakes.js";

/**
 * The real catalog and region directory; the board and intake are fixed stand-ins until the
 * aggregator-backed board exists (its replayed-outage tests live with the commands).
 */
export function testContext(): CommandContext {
  return { ...fakeContext(), catalog: createCatalog(builtInServices), regions: createRegionDirectory() };
}

import { type DiscordEmulator, type EmulatorOptions, startEmulator } from "../support/discord-emulator/index.js";

/** A running emulator with a logged-in bot, and the bot's log lines. */
export interface Harness {
  emulator: DiscordEmulator;
  bot: DiscordBot;
  ctx: CommandContext;
  logs: Record<string, unknown>[];
  /** What the bot reported through `onAnswered`, in order. */
  answered: { name: string; failed: boolean; seconds: number }[];
  close(): Promise<void>;
}

/** Starts an emulator and a bot logged in to it (READY received). */
export async function startHarness(
  opts: {
    emulator?: EmulatorOptions;
    ctx?: CommandContext;
    handlers?: CommandHandlers;
    deferAfterMs?: number;
    store?: { meta: CommandHashStore };
  } = {},
): Promise<Harness> {
  const emulator = await startEmulator(opts.emulator);
  const logs: Record<string, unknown>[] = [];
  const logger = pino({ level: "debug" }, { write: (line: string) => logs.push(JSON.parse(line)) });
  const ctx = opts.ctx ?? testContext();
  const answered: Harness["answered"] = [];
  const bot = createDiscordBot({
    token: "emulator-token",
    apiUrl: emulator.apiUrl,
    ctx,
    logger,
    ...(opts.handlers ? { handlers: opts.handlers } : {}),
    ...(opts.deferAfterMs !== undefined ? { deferAfterMs: opts.deferAfterMs } : {}),
    ...(opts.store ? { store: opts.store } : {}),
    onAnswered: (answer) => answered.push(answer),
  });
  await bot.start();
  return {
    emulator,
    bot,
    ctx,
    logs,
    answered,
    close: async () => {
      await bot.stop();
      await emulator.close();
    },
  };
}
