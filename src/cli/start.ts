import type { Readable, Writable } from "node:stream";
import { parseArgs } from "node:util";
import { type App, createApp } from "../app/create-app.js";
import { type Role, runRole } from "../app/run-role.js";
import { serveHttp } from "../app/serve-http.js";
import { loadConfig } from "../config.js";
import { sourcesHealthCheck, storeHealthCheck } from "../http/index.js";
import { type CliIo, processStop } from "./io.js";
import { cliLogger } from "./open-app.js";
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
  const config = loadConfig(io.env);
  const logger = cliLogger(io, config, { console: mode === "console" });
  return runRole({ config, logger, now: io.now, stop: io.stop ?? processStop() }, async (role) => {
    const app = await createApp(config, { logger, now: io.now, metrics: role.metrics });
    // The last save comes after every part it feeds has stopped.
    role.stops.add("store (final save and close)", () => app.close());
    await runMode(mode, app, io, role);
  });
}

/** Starts the parts of one mode and waits until it should stop; each part registers its stop. */
async function runMode(mode: StartMode, app: App, io: CliIo, role: Role): Promise<void> {
  const { config, logger } = app;
  const ctx = app.context();
  // One runner for every transport of this process; the subscription commands work where alerts go out.
  const runner = app.runner(mode === "discord");
  // Chart font subsets are made once per machine (~0.5 s); doing it now keeps that out of live traffic.
  await app.charts.prepare?.();
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
    role.stops,
  );
  if (mode === "discord") {
    // Loaded here only: the console and service mode never need discord.js.
    const { startDiscordGateway } = await import("../app/discord-gateway.js");
    const { alertDelivery } = await import("../app/alert-delivery.js");
    const bot = await startDiscordGateway(
      { config, logger, runner, commandHashes: app.store.meta, subscriptions: app.alertRepos.subscriptions },
      role.stops,
    );
    // Alerts ride on the bot's REST client (its per-route and global pacing); the first pass
    // repeats any send a previous run left pending.
    const alerts = app.startAlerts(alertDelivery(config, bot));
    // The last minute's incident events are recorded before the alerts stop; both before the store closes.
    role.stops.add("alerts", () => alerts.stop());
    role.stops.add("final flush", () => app.flush());
    logger.info("Discord bot running; stop with Ctrl-C");
    await role.untilStopped();
  } else if (mode === "console") {
    const { runConsole } = await import("../console/index.js");
    // A stop signal ends the console the way end of input does.
    const input = io.stdin as Readable;
    role.stop.addEventListener("abort", () => input.push(null), { once: true });
    await runConsole({ ctx, runner, input, output: io.stdout as Writable, logger, env: io.env });
  } else {
    if (config.HTTP_PORT === undefined) logger.warn("service mode without HTTP_PORT: only the status page poller runs");
    logger.info("running as a service (no DISCORD_TOKEN, input is not a terminal); stop with SIGTERM");
    await role.untilStopped();
  }
}
