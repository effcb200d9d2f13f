import type { Readable, Writable } from "node:stream";
import { parseArgs } from "node:util";
import type { App } from "../app/create-app.js";
import { serveHttp } from "../app/serve-http.js";
import { type StopStep, stopExitCode, stopWithDeadline, untilAborted } from "../app/stop-with-deadline.js";
import { prepareChartFonts } from "../charts/index.js";
import { sourcesHealthCheck, storeHealthCheck } from "../http/index.js";
import { type CliIo, processStop } from "./io.js";
import { openApp } from "./open-app.js";
import { type StartMode, startMode } from "./start-mode.js";

/**
 * `outage-bot start [--console]`: the Discord bot when DISCORD_TOKEN is set; the terminal console
 * on a terminal (or with --console) until `exit` or end of input; otherwise service mode (HTTP API,
 * HTTP interactions, poller) until SIGINT/SIGTERM. The HTTP server runs in every mode when
 * HTTP_PORT is set. The stop runs within SHUTDOWN_TIMEOUT_MS and exits 0 only when all was saved.
 */
export async function start(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { console: { type: "boolean", default: false } } });
  const mode = startMode({
    token: Boolean(io.env.DISCORD_TOKEN),
    forceConsole: values.console,
    interactive: (io.stdin as { isTTY?: boolean }).isTTY === true,
  });
  const app = await openApp(io, { console: mode === "console" });
  const stop = io.stop ?? processStop();
  // What the stop undoes, in order: the last save comes before the parts it feeds close.
  const steps: StopStep[] = [{ name: "store (final save and close)", run: () => app.close() }];
  let failure: unknown = null;
  try {
    await run(mode, app, io, stop, steps);
  } catch (error) {
    failure = error;
  }
  const outcome = await stopWithDeadline(steps, { timeoutMs: app.config.SHUTDOWN_TIMEOUT_MS, logger: app.logger });
  if (failure !== null) throw failure;
  app.logger.info({ ok: outcome.ok }, "stopped");
  return stopExitCode(outcome);
}

/** Starts the parts of one mode and waits until it should stop; each part adds its stop to `steps`. */
async function run(mode: StartMode, app: App, io: CliIo, stop: AbortSignal, steps: StopStep[]): Promise<void> {
  const { config, logger } = app;
  const ctx = app.context();
  // One runner for every transport of this process; the subscription commands work where alerts go out.
  const runner = app.runner(mode === "discord");
  // Chart font subsets are made once per machine (~0.5 s); doing it now keeps that out of live traffic.
  await prepareChartFonts(logger);
  if (config.POLL_STATUS_PAGES) app.poller.start();
  await serveHttp(
    {
      config,
      ctx,
      runner,
      metrics: app.metrics,
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
    },
    steps,
  );
  if (mode === "discord") {
    // Loaded here only: the console and service mode never need discord.js.
    const { createDiscordBot } = await import("../discord/index.js");
    const { createChannelAlertSender } = await import("../discord/channel-alert-sender.js");
    const alertRepos = app.alertRepos;
    const bot = createDiscordBot({
      token: config.DISCORD_TOKEN!,
      ...(config.DISCORD_API_URL ? { apiUrl: config.DISCORD_API_URL } : {}),
      ...(config.DISCORD_APP_ID ? { appId: config.DISCORD_APP_ID } : {}),
      runner,
      logger,
      store: { meta: app.store.meta },
      subscriptions: alertRepos.subscriptions,
    });
    steps.unshift({ name: "discord gateway", run: () => bot.stop() });
    await bot.start();
    // Alerts ride on the bot's REST client (its per-route and global pacing); the first pass
    // repeats any send a previous run left pending.
    const alerts = app.startAlerts(createChannelAlertSender(bot.client.rest));
    // The last minute's incident events are recorded before the alerts stop; both before the store closes.
    steps.unshift({ name: "final flush", run: () => app.flush() }, { name: "alerts", run: () => alerts.stop() });
    logger.info("Discord bot running; stop with Ctrl-C");
    await untilAborted(stop);
  } else if (mode === "console") {
    const { runConsole } = await import("../console/index.js");
    // A stop signal ends the console the way end of input does.
    const input = io.stdin as Readable;
    stop.addEventListener("abort", () => input.push(null), { once: true });
    await runConsole({ ctx, runner, input, output: io.stdout as Writable, logger, env: io.env });
  } else {
    if (config.HTTP_PORT === undefined) logger.warn("service mode without HTTP_PORT: only the status page poller runs");
    logger.info("running as a service (no DISCORD_TOKEN, input is not a terminal); stop with SIGTERM");
    await untilAborted(stop);
  }
}
