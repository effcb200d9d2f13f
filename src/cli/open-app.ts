import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { type DestinationStream, type Logger, pino } from "pino";
import { type App, createApp } from "../app/create-app.js";
import { type Config, loadConfig } from "../config.js";
import { createLogger } from "../log.js";
import type { CliIo } from "./io.js";

/**
 * The CLI's logger: on stderr, or, for the console, in CONSOLE_LOG_FILE so log lines never
 * interleave with the prompt.
 */
export function cliLogger(io: CliIo, config: Config, options: { console?: boolean } = {}): Logger {
  const ownStderr = io.stderr === process.stderr;
  let destination: DestinationStream | undefined;
  if (!ownStderr) destination = io.stderr as DestinationStream;
  else if (options.console) {
    mkdirSync(dirname(config.CONSOLE_LOG_FILE), { recursive: true });
    destination = pino.destination({ dest: config.CONSOLE_LOG_FILE, sync: true, append: true });
  }
  // The process's stderr gets pino's own synchronous writer; a test's stream gets the lines directly.
  return createLogger(config, destination);
}

/**
 * Config from the environment, the CLI's logger, and the app; `now` is the CLI's clock unless given.
 */
export async function openApp(
  io: CliIo,
  options: { now?: () => number; persist?: boolean; readOnly?: boolean; console?: boolean; journal?: boolean } = {},
): Promise<App> {
  const config = loadConfig(io.env);
  return createApp(config, {
    logger: cliLogger(io, config, options),
    now: options.now ?? io.now,
    ...(options.persist === false ? { persistEveryMs: null } : {}),
    ...(options.readOnly ? { readOnly: true } : {}),
    ...(options.journal === false ? { journalReports: false } : {}),
  });
}
