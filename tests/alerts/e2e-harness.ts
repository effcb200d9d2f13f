// End-to-end alert setup: the Discord emulator, the real discord.js bot (with the subscription
// commands wired to the store), the alert engine over the store's repositories and the real
// channel sender on the bot's REST client. Time for the engine is a settable clock.
import pino from "pino";
import type { CommandContext } from "../../commands/context.js";
import type { Aggregator } from "../../src/aggregator/index.js";
import { createAggregator, createStatusBoard } from "../../src/aggregator/index.js";
import { type AlertEngine, createAlertEngine } from "../../src/alerts/alert-engine.js";
import type { AlertRules } from "../../src/alerts/alert-rules.js";
import type { AlertSender } from "../../src/alerts/alert-sender.js";
import { type Subscription, SubscriptionSchema, subscriptionId } from "../../src/alerts/subscription.js";
import { type AlertRepos, createAlertRepos } from "../../src/app/alert-wiring.js";
import { createCatalog } from "../../src/catalog/catalog.js";
import { createRegionDirectory } from "../../src/catalog/regions.js";
import { builtInServices } from "../../src/catalog/services-data.js";
import { createChannelAlertSender } from "../../src/discord/channel-alert-sender.js";
import { createDiscordBot, type DiscordBot } from "../../src/discord/index.js";
import { createReportIntake } from "../../src/intake/index.js";
import { openStore, type Store } from "../../src/store/index.js";
import { type DiscordEmulator, type EmulatorOptions, startEmulator } from "../support/discord-emulator/index.js";

/** Everything one end-to-end alert test drives. */
export interface AlertHarness {
  emulator: DiscordEmulator;
  bot: DiscordBot;
  store: Store;
  repos: AlertRepos;
  engine: AlertEngine;
  /** The real sender on the bot's REST client (unwrapped). */
  sender: AlertSender;
  ctx: CommandContext;
  clock: { now: number };
  logs: Record<string, unknown>[];
  /** Stops the bot and closes the store (the emulator too unless it was passed in). */
  close(): Promise<void>;
}

/** Options of startAlertHarness. */
export interface AlertHarnessOptions {
  /** A running emulator to log in to (a restart); a new one otherwise. */
  emulator?: DiscordEmulator;
  emulatorOptions?: EmulatorOptions;
  /** Store URL (default memory://) and namespace (default: unique). */
  storeUrl?: string;
  namespace?: string;
  aggregator?: Aggregator;
  start?: number;
  rules?: AlertRules;
  concurrency?: number;
  /** Wraps the real sender (crash simulations). */
  wrapSender?: (sender: AlertSender) => AlertSender;
}

/** Starts emulator (unless given), store, bot and alert engine. */
export async function startAlertHarness(opts: AlertHarnessOptions = {}): Promise<AlertHarness> {
  const ownEmulator = !opts.emulator;
  const emulator = opts.emulator ?? (await startEmulator(opts.emulatorOptions));
  const logs: Record<string, unknown>[] = [];
  const logger = pino({ level: "debug" }, { write: (line: string) => logs.push(JSON.parse(line)) });
  const store = await openStore(opts.storeUrl ?? "memory://", {
    logger,
    namespace: opts.namespace ?? `alerts-e2e-${Math.random().toString(36).slice(2)}`,
  });
  const repos = createAlertRepos(store);
  const catalog = createCatalog(builtInServices);
  const regions = createRegionDirectory();
  const aggregator = opts.aggregator ?? createAggregator();
  const board = createStatusBoard({ catalog, regions, aggregator });
  const clock = { now: opts.start ?? Date.UTC(2026, 10, 26, 12) };
  const now = () => clock.now;
  const ctx: CommandContext = {
    catalog,
    regions,
    board,
    intake: createReportIntake({ catalog, regions, aggregator, salt: "e2e", now }),
    now,
    log: logger,
  };
  const bot = createDiscordBot({
    token: "emulator-token",
    apiUrl: emulator.apiUrl,
    ctx,
    logger,
    subscriptions: repos.subscriptions,
  });
  await bot.start();
  const real = createChannelAlertSender(bot.client.rest);
  const engine = createAlertEngine({
    subscriptions: repos.subscriptions,
    threads: repos.threads,
    catalog,
    board,
    sender: opts.wrapSender ? opts.wrapSender(real) : real,
    now,
    logger,
    ...(opts.rules ? { rules: opts.rules } : {}),
    ...(opts.concurrency ? { concurrency: opts.concurrency } : {}),
  });
  return {
    emulator,
    bot,
    store,
    repos,
    engine,
    sender: real,
    ctx,
    clock,
    logs,
    close: async () => {
      await bot.stop();
      await store.close();
      if (ownEmulator) await emulator.close();
    },
  };
}

/** A subscription as `/outage subscribe` stores it, for tests that seed many at once. */
export function seedSubscription(
  guildId: string,
  channelId: string,
  over: Partial<Omit<Subscription, "id" | "guildId" | "channelId">> = {},
): Subscription {
  const target = over.target ?? { kind: "service" as const, serviceId: "x" };
  return SubscriptionSchema.parse({
    id: subscriptionId(channelId, target),
    guildId,
    channelId,
    target,
    createdAt: 0,
    ...over,
  });
}

/** 429 answers the emulator gave on its own limits (not injected ones): each one is a pacing failure. */
export function limitHits(emulator: DiscordEmulator) {
  return emulator.requests.filter((r) => r.limited === "global" || r.limited === "route");
}

/** Channel message creations the bot attempted in one channel. */
export function postsTo(emulator: DiscordEmulator, channelId: string) {
  return emulator.requests.filter((r) => r.route === "POST /channels/:channel/messages" && r.path.includes(channelId));
}

/** Permission bits as Discord writes them. */
export const PERMS = {
  viewChannel: 1n << 10n,
  sendMessages: 1n << 11n,
  embedLinks: 1n << 14n,
  attachFiles: 1n << 15n,
  readHistory: 1n << 16n,
  useCommands: 1n << 31n,
} as const;

/** A bot role that is not Administrator: what a carefully invited bot gets. */
export const BOT_PERMISSIONS = String(
  PERMS.viewChannel | PERMS.sendMessages | PERMS.embedLinks | PERMS.attachFiles | PERMS.readHistory | PERMS.useCommands,
);
