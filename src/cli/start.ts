import type { Readable, Writable } from "node:stream";
import { parseArgs } from "node:util";
import { createAlertRepos, startAlerts } from "../app/alerts.js";
import { prepareChartFonts } from "../charts/index.js";
import { runConsole } from "../console/index.js";
import { createChannelAlertSender } from "../discord/channel-alert-sender.js";
import { createDiscordBot } from "../discord/index.js";
import { createHttpServer, type HttpServer, sourcesHealthCheck, storeHealthCheck } from "../http/index.js";
import { type CliIo, processStop } from "./io.js";
import { openApp } from "./open-app.js";

/** Resolves when the signal aborts. */
function stopped(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener("abort", () => resolve(), { once: true });
  });
}

/**
 * `outage-bot start [--console]`: the Discord bot when DISCORD_TOKEN is set (until SIGINT/SIGTERM),
 * otherwise the terminal console (until `exit` or end of input); the HTTP server too when HTTP_PORT is set.
 */
export async function start(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { console: { type: "boolean", default: false } } });
  const app = await openApp(io);
  const stop = io.stop ?? processStop();
  const { config, logger } = app;
  let http: HttpServer | null = null;
  try {
    const ctx = app.context();
    // Chart font subsets are made once per machine (~0.5 s); doing it now keeps that out of live traffic.
    await prepareChartFonts(logger);
    if (config.POLL_STATUS_PAGES) app.poller.start();
    if (config.HTTP_PORT !== undefined) {
      http = createHttpServer({
        ctx,
        metrics: app.metrics,
        config,
        logger,
        health: [
          storeHealthCheck(app.store, app.metrics),
          // Status pages count towards readiness only where this process polls them.
          ...(config.POLL_STATUS_PAGES
            ? [
                sourcesHealthCheck(
                  (id, at) => app.poller.official(id, at),
                  () => app.catalog.all().flatMap((s) => (s.statusPage ? [s.id] : [])),
                  ctx.now,
                ),
              ]
            : []),
        ],
      });
      await http.listen(config.HTTP_PORT, config.HTTP_HOST);
    }
    if (config.DISCORD_TOKEN && !values.console) {
      const alertRepos = createAlertRepos(app.store);
      const bot = createDiscordBot({
        token: config.DISCORD_TOKEN,
        ...(config.DISCORD_API_URL ? { apiUrl: config.DISCORD_API_URL } : {}),
        ...(config.DISCORD_APP_ID ? { appId: config.DISCORD_APP_ID } : {}),
        ctx,
        logger,
        store: { meta: app.store.meta },
        subscriptions: alertRepos.subscriptions,
        onAnswered: ({ name, failed, seconds }) => {
          app.metrics.commands.inc({ name, transport: "gateway", outcome: failed ? "error" : "ok" });
          app.metrics.commandDuration.observe({ name }, seconds);
        },
      });
      await bot.start();
      // Alerts ride on the bot's REST client (its per-route and global pacing); the first pass
      // repeats any send a previous run left pending.
      const alerts = startAlerts({
        app,
        repos: alertRepos,
        sender: createChannelAlertSender(bot.client.rest),
        now: ctx.now,
      });
      logger.info("Discord bot running; stop with Ctrl-C");
      await stopped(stop);
      // The last minute's incident events are recorded before the alerts stop; both before the store closes.
      await app.flush().catch((error: unknown) => logger.warn({ err: error }, "final flush failed"));
      await alerts.stop();
      await bot.stop();
    } else {
      // A stop signal ends the console the way end of input does.
      const input = io.stdin as Readable;
      stop.addEventListener("abort", () => input.push(null), { once: true });
      await runConsole({
        ctx,
        input,
        output: io.stdout as Writable,
        logger,
        metrics: app.metrics,
        env: io.env,
      });
    }
    return 0;
  } finally {
    await http?.close();
    await app.close();
  }
}
