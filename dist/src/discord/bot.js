import { performance } from "node:perf_hooks";
import { Client, Events, GatewayIntentBits, } from "discord.js";
import * as commands from "../../commands/index.js";
import { fitChoices } from "../../commands/limits.js";
import { answerCommand, answerComponent } from "./answer.js";
import { settle } from "./apology.js";
import { createChannelAlertSender } from "./channel-alert-sender.js";
import { checkChannel, checkRole } from "./channel-check.js";
import { interactionDeadline } from "./deadline.js";
import { registerIfChanged } from "./deploy-commands.js";
import { watchSubscriptionChannels } from "./subscription-watch.js";
import { toInvocation } from "./to-invocation.js";
/** Subcommands whose answer is private: a slow one is deferred ephemerally. */
export const EPHEMERAL_SUBCOMMANDS = ["report", "subscribe", "unsubscribe", "subscriptions", "list"];
/** Builds the discord.js client that routes interactions to the handlers. */
export function createDiscordBot(opts) {
    const { logger } = opts;
    const handlers = opts.handlers ?? commands;
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
    const ctx = subscriptions
        ? {
            ...opts.ctx,
            alerts: {
                subscriptions,
                checkChannel: async (guildId, channelId) => checkChannel(client, guildId, channelId),
                checkRole: async (guildId, roleId) => checkRole(client, guildId, roleId),
            },
        }
        : opts.ctx;
    if (subscriptions) {
        const sender = createChannelAlertSender(client.rest);
        watchSubscriptionChannels({
            client,
            subscriptions,
            notifyAdmins: (guildId, text) => sender.notifyAdmins(guildId, text),
            now: () => opts.ctx.now(),
            logger,
        });
    }
    const inFlight = new Set();
    let stopping = false;
    const onError = (where) => (error, errorId) => logger.error({ err: error, errorId, ...where }, "handler failed");
    /** When the first response is due, from the interaction's creation and our receipt of it. */
    function timing(i) {
        return { deadline: interactionDeadline(i.createdTimestamp, Date.now()), now: Date.now, deferAfterMs, logger };
    }
    async function onCommand(i) {
        const started = performance.now();
        const t = timing(i);
        const inv = toInvocation(i);
        const where = { command: `/${i.commandName} ${inv.subcommand}`.trim(), interactionId: i.id };
        const work = settle(() => handlers.handleCommand(inv, ctx), onError(where));
        const path = await answerCommand(i, work.then((w) => w.reply), { ...t, ephemeralHint: EPHEMERAL_SUBCOMMANDS.includes(inv.subcommand) });
        const { failed } = await work;
        log(where, path, failed, started, i.guildId);
    }
    /** Buttons, select menus and submitted forms: every one gets an answer, a stale one a private "no longer supported". */
    async function onComponent(i) {
        const started = performance.now();
        const t = timing(i);
        const inv = toInvocation(i);
        const where = { button: i.customId, interactionId: i.id };
        const work = settle(() => handlers.handleButton(i.customId, inv, ctx), onError(where));
        const updateHint = i.customId.split(":")[1] === "refresh";
        const path = await answerComponent(i, work.then((w) => w.reply), { ...t, updateHint });
        const { failed } = await work;
        log(where, path, failed, started, i.guildId);
    }
    async function onAutocomplete(i) {
        const started = performance.now();
        const inv = toInvocation(i);
        const focused = i.options.getFocused(true);
        inv.options[focused.name] = focused.value;
        let choices = [];
        let timer;
        try {
            // Autocomplete cannot be deferred: an answer that is late is worth nothing, so cap the wait.
            const late = new Promise((resolve) => {
                timer = setTimeout(resolve, deferAfterMs, []);
            });
            choices = fitChoices(await Promise.race([handlers.handleAutocomplete(inv, focused.name, ctx), late]));
        }
        catch (error) {
            logger.error({ err: error, option: focused.name }, "autocomplete failed");
        }
        finally {
            clearTimeout(timer);
        }
        try {
            await i.respond(choices);
        }
        catch (error) {
            logger.warn({ err: error, interactionId: i.id }, "could not send autocomplete choices");
        }
        logger.debug({ option: focused.name, ms: Math.round(performance.now() - started) }, "autocomplete");
    }
    function log(where, path, failed, started, guildId) {
        const ms = Math.round((performance.now() - started) * 10) / 10;
        const name = typeof where.command === "string"
            ? where.command.replace(/^\/outage /, "").replace(/^\//, "")
            : `button ${String(where.button).split(":")[1] ?? "?"}`;
        opts.onAnswered?.({ name, failed, seconds: ms / 1000 });
        if (path === "missed")
            logger.warn({ ...where, ms }, "interaction window missed: Discord refused every response in time");
        // No raw guild or user id in the logs: with the report counts they would tell who reported what.
        logger.info({ ...where, path, failed, ms, inGuild: guildId !== null }, "interaction answered");
    }
    function route(i) {
        // Context-menu commands too: a stale registration gets the "no such command" answer, not silence.
        if (i.isChatInputCommand() || i.isContextMenuCommand())
            return onCommand(i);
        if (i.isAutocomplete())
            return onAutocomplete(i);
        if (i.isMessageComponent() || i.isModalSubmit())
            return onComponent(i);
        return null;
    }
    client.on(Events.InteractionCreate, (i) => {
        const task = route(i);
        if (!task)
            return;
        const tracked = task.catch((error) => logger.error({ err: error }, "interaction routing failed"));
        inFlight.add(tracked);
        void tracked.finally(() => inFlight.delete(tracked));
    });
    client.on(Events.Error, (error) => logger.error({ err: error }, "discord client error"));
    client.on(Events.ShardDisconnect, (_event, shard) => logger.warn({ shard }, "gateway disconnected"));
    client.on(Events.ShardResume, (shard, replayed) => logger.info({ shard, replayed }, "gateway resumed"));
    return {
        client,
        async start() {
            const ready = new Promise((resolve) => client.once(Events.ClientReady, () => resolve()));
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
                }
                catch (error) {
                    // The bot still answers with the commands registered before; the next start retries.
                    logger.error({ err: error }, "could not register slash commands");
                }
            }
        },
        async stop() {
            if (stopping)
                return;
            stopping = true;
            const drain = Promise.allSettled([...inFlight]);
            const limit = new Promise((resolve) => setTimeout(resolve, opts.drainTimeoutMs ?? 5_000).unref());
            await Promise.race([drain, limit]);
            // destroy() waits for the gateway to echo the WebSocket close, and ws gives a silent peer 30 s:
            // past the grace the connection is left to the process's exit rather than hold the stop.
            const closed = await Promise.race([
                client.destroy().then(() => true),
                new Promise((resolve) => setTimeout(resolve, opts.closeGraceMs ?? 2_000, false).unref()),
            ]);
            if (closed)
                logger.info("discord bot stopped");
            else
                logger.warn({ graceMs: opts.closeGraceMs ?? 2_000 }, "discord gateway did not answer the close; left open");
        },
    };
}
//# sourceMappingURL=bot.js.map