import type { DestinationStream } from "pino";
import { type App, createApp } from "../app.js";
import { loadConfig } from "../config.js";
import { createLogger } from "../log.js";
import type { CliIo } from "./io.js";

/** Config from the environment, a logger on stderr, and the app; `now` is the CLI's clock unless given. */
export async function openApp(
  io: CliIo,
  options: { now?: () => number; persist?: boolean; readOnly?: boolean } = {},
): Promise<App> {
  const config = loadConfig(io.env);
  // The process's stderr gets pino's own synchronous writer; a test's stream gets the lines directly.
  const logger = createLogger(config, io.stderr === process.stderr ? undefined : (io.stderr as DestinationStream));
  return createApp(config, {
    logger,
    now: options.now ?? io.now,
    ...(options.persist === false ? { persistEveryMs: null } : {}),
    ...(options.readOnly ? { readOnly: true } : {}),
  });
}
