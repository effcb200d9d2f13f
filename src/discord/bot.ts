import { performance } from "node:perf_hooks";
import {
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  Client,
  type ContextMenuCommandInteraction,
  Events,
  GatewayIntentBits,
  type Interaction,
  type MessageComponentInteraction,
  type ModalSubmitInteraction,
} from "discord.js";
import type { Logger } from "pino";
import type { CommandContext } from "../../commands/context.js";
import {
  type Answer,
  type ChannelChecks,
  type CommandHandlers,
  type CommandMetrics,
  type CommandRunner,
  createCommandRunner,
} from "../../commands/runner.js";
import type { SubscriptionRepo } from "../alerts/alert-repos.js";
import type { AlertSender } from "../alerts/alert-sender.js";
import { type AnswerPath, type AnswerTiming, answerCommand, answerComponent } from "./answer.js";
import { createChannelAlertSender } from "./channel-alert-sender.js";
import { checkChannel, checkRole } from "./channel-check.js";
import { interactionDeadline } from "./deadline.js";
import { type CommandHashStore, registerIfChanged } from "./deploy-commands.js";
import { watchSubscriptionChannels } from "./subscription-watch.js";
import { toInvocation } from "./to-invocation.js";

/** Options of createDiscordBot. */
export interface DiscordBotOptions {
  token: string;
  /** REST base as discord.js's `rest.api` takes it (`http://127.0.0.1:PORT/api`); Discord's own when absent. */
  apiUrl?: string;
  /** Application id; read from READY when absent. */
  appId?: string;
  /** The command runner the app built; without it the bot makes its own over `ctx`. */
  runner?: CommandRunner;
  /** The handlers' context, when no runner is given (tests, benchmarks). */
  ctx?: CommandContext;
  logger: Logger;
  /** Where the registered-commands hash is kept; with it, `start` registers changed definitions. */
  store?: { meta: CommandHashStore };
  /** Register commands in this guild instead of globally (development). */
  guildId?: string;
  /** The command layer when no runner is given (commands/index.ts by default; tests pass slow or throwing ones). */
  handlers?: CommandHandlers;
  /** Command metrics when no runner is given. */
  metrics?: CommandMetrics;
  /**
   * Defer when the handler has not answered after this long (default 2000 ms; Discord allows 3 s from
   * the interaction's creation, and the deferral is sent before that whatever this says).
   */
  deferAfterMs?: number;
  /** How long `stop` waits for answers in flight (default 5 s, half the default shutdown deadline). */
  drainTimeoutMs?: number;
  /** How long `stop` waits for Discord to answer the WebSocket close (default 2 s). */
  closeGraceMs?: number;
  /** Called once per answered command or button (the runner has counted it in the metrics already). */
  onAnswered?: (answer: { name: string; failed: boolean; seconds: number }) => void;
  /** Alert subscriptions: with them the subscription commands work, checking channels from the cache, and deleted channels are watched. */
  subscriptions?: SubscriptionRepo;
}

/** A Discord gateway bot over the command handlers. */
export interface DiscordBot {
  /** Logs in, waits for READY, registers changed command definitions. */
  start(): Promise<void>;
  /** Finishes the answers in flight, then closes the gateway connection. */
  stop(): Promise<void>;
  readonly client: Client;
  /** Alert delivery over the bot's REST client, paced with the bot's other sends (src/app/alert-delivery.ts). */
  readonly alertSender: AlertSender;
}

/** Builds the discord.js client that routes interactions to the handlers. */
export function createDiscordBot(opts: DiscordBotOptions): DiscordBot {
  const { logger } = opts;
  const deferAfterMs = opts.deferAfterMs ?? 2000;
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [] },
    rest: {
      ...(opts.apiUrl ? { api: opts.apiUrl } : {}),
      // A 429 on an interaction response is not waited out blindly: the answer code decides whether
      // the retry still lands inside Discord's 3 s window or a deferral must go out now.
      rejectOnRateLimit: ["/interactions/"],
    },
  });
  const subscriptions = opts.subscriptions;
  const runner =
    opts.runner ??
    createCommandRunner({
      ctx: opts.ctx ?? missingContext(),
      log: logger,
      ...(subscriptions ? { subscriptions } : {}),
      ...(opts.handlers ? { handlers: opts.handlers } : {}),
      ...(opts.metrics ? { metrics: opts.metrics } : {}),
      autocompleteCapMs: deferAfterMs,
    });
  // The gateway knows the guilds it is in: channels and roles are checked from discord.js's cache.
  const checks: ChannelChecks = {
    checkChannel: async (guildId, channelId) => checkChannel(client, guildId, channelId),
    checkRole: async (guildId, roleId) => checkRole(client, guildId, roleId),
  };
  // One paced sender over the bot's REST client for its alerts and its notices to admins.
  const alertSender = createChannelAlertSender(client.rest);
  if (subscriptions) {
    watchSubscriptionChannels({
      client,
      subscriptions,
      notifyAdmins: (guildId, text) => alertSender.notifyAdmins(guildId, text),
      now: () => runner.ctx.now(),
      logger,
    });
  }
  const inFlight = new Set<Promise<unknown>>();
  let stopping = false;

  /** When the first response is due, from the interaction's creation and our receipt of it. */
  function timing(i: { createdTimestamp: number }): AnswerTiming {
    return { deadline: interactionDeadline(i.createdTimestamp, Date.now()), now: Date.now, deferAfterMs, logger };
  }

  async function onCommand(i: ChatInputCommandInteraction | ContextMenuCommandInteraction): Promise<void> {
    const started = performance.now();
    const t = timing(i);
    const inv = toInvocation(i);
    const where = { command: `/${i.commandName} ${inv.subcommand}`.trim(), interactionId: i.id };
    const work = runner.command(inv, "gateway", checks);
    const path = await answerCommand(
      i,
      work.then((w) => w.reply),
      { ...t, ephemeralHint: runner.ephemeral(inv) },
    );
    log(where, path, await work, started, i.guildId);
  }

  /** Buttons, select menus and submitted forms: every one gets an answer, a stale one a private "no longer supported". */
  async function onComponent(i: MessageComponentInteraction | ModalSubmitInteraction): Promise<void> {
    const started = performance.now();
    const t = timing(i);
    const inv = toInvocation(i);
    const where = { button: i.customId, interactionId: i.id };
    const work = runner.button(i.customId, inv, "gateway", checks);
    const updateHint = i.customId.split(":")[1] === "refresh";
    const path = await answerComponent(
      i,
      work.then((w) => w.reply),
      { ...t, updateHint },
    );
    log(where, path, await work, started, i.guildId);
  }

  async function onAutocomplete(i: AutocompleteInteraction): Promise<void> {
    const started = performance.now();
    const inv = toInvocation(i);
    const focused = i.options.getFocused(true);
    inv.options[focused.name] = focused.value;
    const choices = await runner.autocomplete(inv, focused.name, checks);
    try {
      await i.respond(choices);
    } catch (error) {
      logger.warn({ err: error, interactionId: i.id }, "could not send autocomplete choices");
    }
    logger.debug({ option: focused.name, ms: Math.round(performance.now() - started) }, "autocomplete");
  }

  function log(
    where: Record<string, unknown>,
    path: AnswerPath,
    answer: Answer,
    started: number,
    guildId: string | null,
  ) {
    const ms = Math.round((performance.now() - started) * 10) / 10;
    const failed = answer.outcome === "error";
    opts.onAnswered?.({ name: answer.name, failed, seconds: ms / 1000 });
    if (path === "missed")
      logger.warn({ ...where, ms }, "interaction window missed: Discord refused every response in time");
    // No raw guild or user id in the logs: with the report counts they would tell who reported what.
    logger.info({ ...where, path, failed, ms, inGuild: guildId !== null }, "interaction answered");
  }

  function route(i: Interaction): Promise<void> | null {
    // Context-menu commands too: a stale registration gets the "no such command" answer, not silence.
    if (i.isChatInputCommand() || i.isContextMenuCommand()) return onCommand(i);
    if (i.isAutocomplete()) return onAutocomplete(i);
    if (i.isMessageComponent() || i.isModalSubmit()) return onComponent(i);
    return null;
  }

  client.on(Events.InteractionCreate, (i) => {
    const task = route(i);
    if (!task) return;
    const tracked = task.catch((error: unknown) => logger.error({ err: error }, "interaction routing failed"));
    inFlight.add(tracked);
    void tracked.finally(() => inFlight.delete(tracked));
  });
  client.on(Events.Error, (error) => logger.error({ err: error }, "discord client error"));
  client.on(Events.ShardDisconnect, (_event, shard) => logger.warn({ shard }, "gateway disconnected"));
  client.on(Events.ShardResume, (shard, replayed) => logger.info({ shard, replayed }, "gateway resumed"));

  return {
    client,
    alertSender,
    async start() {
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      await client.login(opts.token);
      await ready;
      const appId = opts.appId ?? client.application?.id;
      logger.info({ user: client.user?.tag, appId, guilds: client.guilds.cache.size }, "discord bot ready");
      if (opts.store && appId) {
        try {
          await registerIfChanged({
            rest: client.rest,
            appId,
            ...(opts.guildId ? { guildId: opts.guildId } : {}),
            meta: opts.store.meta,
            logger,
          });
        } catch (error) {
          // The bot still answers with the commands registered before; the next start retries.
          logger.error({ err: error }, "could not register slash commands");
        }
      }
    },
    async stop() {
      if (stopping) return;
      stopping = true;
      const drain = Promise.allSettled([...inFlight]);
      const limit = new Promise((resolve) => setTimeout(resolve, opts.drainTimeoutMs ?? 5_000).unref());
      await Promise.race([drain, limit]);
      // destroy() waits for the gateway to echo the WebSocket close, and ws gives a silent peer 30 s:
      // past the grace the connection is left to the process's exit rather than hold the stop.
      const closed = await Promise.race([
        client.destroy().then(() => true),
        new Promise<false>((resolve) => setTimeout(resolve, opts.closeGraceMs ?? 2_000, false).unref()),
      ]);
      if (closed) logger.info("discord bot stopped");
      else logger.warn({ graceMs: opts.closeGraceMs ?? 2_000 }, "discord gateway did not answer the close; left open");
    },
  };
}

/** A bot made without a runner or a context cannot answer anything: say so at once, not at the first command. */
function missingContext(): never {
  throw new Error("createDiscordBot needs a runner or a ctx");
}
