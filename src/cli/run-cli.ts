import { parseArgs } from "node:util";
import { isUserError } from "../../commands/errors.js";
import { type CliIo, UsageError, withProcessDefaults } from "./io.js";
import { USAGE } from "./usage.js";

/** One subcommand: runs with its own arguments and returns the exit code. */
type Subcommand = (args: string[], io: CliIo) => Promise<number>;

// Loaded on demand, so `help` or `ask` do not load discord.js.
const SUBCOMMANDS: Record<string, () => Promise<Subcommand>> = {
  // `--role gateway|worker` runs a scaled-out role (src/scale); `all`, the default, is the one-process bot.
  start: async () => (await import("../scale/start-command.js")).withRoles((await import("./start.js")).start),
  ask: async () => (await import("./ask.js")).ask,
  ingest: async () => (await import("./ingest.js")).ingest,
  replay: async () => (await import("./replay.js")).replay,
  poll: async () => (await import("./poll.js")).poll,
  "add-service": async () => (await import("./add-service.js")).addService,
  invite: async () => (await import("./invite.js")).invite,
  "deploy-commands": async () => (await import("./deploy-commands.js")).deploy,
  exclude: async () => (await import("./exclude.js")).exclude,
  include: async () => (await import("./exclude.js")).include,
  help: async () => async (_args, io) => {
    io.stdout.write(USAGE);
    return 0;
  },
};

/** True for the errors node:util parseArgs throws on unknown or malformed options. */
function isParseArgsError(error: unknown): error is Error {
  return error instanceof TypeError && String((error as { code?: unknown }).code ?? "").startsWith("ERR_PARSE_ARGS");
}

/**
 * Whether `error` is one of outage-bot's own error classes, told by name: importing the classes
 * here would load zod and the store drivers for `help` too.
 */
function isNamed(error: unknown, name: "ConfigError" | "StoreError"): error is Error {
  return error instanceof Error && error.name === name;
}

/** Prints an error the way a person can act on it and returns the exit code. */
function report(error: unknown, io: CliIo): number {
  if (isNamed(error, "ConfigError")) {
    io.stderr.write(`outage-bot: ${error.message}\nSee .env.example for every variable and its format.\n`);
    return 1;
  }
  if (error instanceof UsageError || isParseArgsError(error) || isUserError(error)) {
    io.stderr.write(`outage-bot: ${error.message}\nRun \`outage-bot help\` for usage.\n`);
    return 2;
  }
  if (isNamed(error, "StoreError")) {
    io.stderr.write(`outage-bot: store error: ${error.message}\n`);
    return 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`outage-bot: ${message}\n`);
  return 1;
}

/**
 * Runs the `outage-bot` command line and returns the exit code. Never throws: errors are printed
 * with what to do about them. Tests pass their own `io` (environment, streams, clock).
 */
export async function main(argv: string[], io: Partial<CliIo> = {}): Promise<number> {
  const full = withProcessDefaults(io);
  try {
    const { positionals } = parseArgs({ args: argv.slice(0, 1), allowPositionals: true, strict: false });
    const name = positionals[0] ?? "help";
    const load = SUBCOMMANDS[name === "--help" || name === "-h" ? "help" : name];
    if (!load) throw new UsageError(`unknown command "${name}"`);
    const run = await load();
    return await run(argv.slice(1), full);
  } catch (error) {
    return report(error, full);
  }
}
