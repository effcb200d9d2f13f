import type { Readable, Writable } from "node:stream";
import { parseArgs } from "node:util";
import { runConsole } from "../console/index.js";
import { createDiscordBot } from "../discord/index.js";
import { createHttpServer, type HttpServer } from "../http/index.js";
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
    if (config.POLL_STATUS_PAGES) app.poller.start();
    if (config.HTTP_PORT !== undefined) {
      http = createHttpServer({
        ctx,
        metrics: app.metrics,
        config,
        logger,
        health: [{ name: "store", run: () => app.store.ping() }],
      });
      await http.listen(config.HTTP_PORT);
    }
    if (config.DISCORD_TOKEN && !values.console) {
      const bot = createDiscordBot({
        token: config.DISCORD_TOKEN,
        ...(config.DISCORD_API_URL ? { apiUrl: config.DISCORD_API_URL } : {}),
        ...(config.DISCORD_APP_ID ? { appId: config.DISCORD_APP_ID } : {}),
        ctx,
        logger,
        store: { meta: app.store.meta },
      });
      await bot.start();
      logger.info("Discord bot running; stop with Ctrl-C");
      await stopped(stop);
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
