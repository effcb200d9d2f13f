import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { Logger } from "pino";
import type { CommandContext, Invocation } from "../../commands/context.js";
import { commandDefinitions, isUserError, parseSlash } from "../../commands/index.js";
import { type CommandRunner, createCommandRunner } from "../../commands/runner.js";
import { sparkline } from "../charts/sparkline.js";
import type { Metrics } from "../metrics/metrics.js";
import { paint, wantsColor } from "./ansi.js";
import { renderText } from "./render-text.js";

/** What `runConsole` needs. */
export interface ConsoleOptions {
  ctx: CommandContext;
  input: Readable;
  output: Writable & { isTTY?: boolean };
  logger: Logger;
  /** Colour on or off; defaults to NO_COLOR / FORCE_COLOR / whether the output is a terminal. */
  color?: boolean;
  metrics?: Metrics;
  /** The app's command runner; without it the console makes its own over `ctx` and `metrics`. */
  runner?: CommandRunner;
  env?: NodeJS.ProcessEnv;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
const EXIT_WORDS = new Set(["exit", "quit", "/exit", "/quit", ":q"]);
const HELP_WORDS = new Set(["help", "/help", "?"]);

/**
 * The terminal console: a prompt where the slash commands are typed (`/outage status github`, or
 * just `status github`), answered by the same handlers as Discord and shown as coloured text.
 * Resolves when the input ends (Ctrl-D) or on `exit`; a bad line gets a message, never a crash.
 */
export async function runConsole(options: ConsoleOptions): Promise<void> {
  const { input, output, logger } = options;
  const color = options.color ?? wantsColor(options.env ?? process.env, output);
  const p = paint(color);
  const definitions = commandDefinitions();
  const runner = options.runner ?? ownRunner(options);
  const write = (text: string) => output.write(text);
  const rl = createInterface({ input, output, terminal: output.isTTY === true, prompt: p.bold("outage> ") });
  rl.on("SIGINT", () => rl.close());
  // A reader that went away (`outage-bot start | head`) ends the console like end of input, quietly.
  let outputClosed = false;
  const onOutputError = (error: NodeJS.ErrnoException) => {
    outputClosed = true;
    if (error.code !== "EPIPE") logger.warn({ err: error }, "console output failed");
    rl.close();
  };
  // Tests hand in a bare writer with no events.
  if (typeof output.on === "function") output.on("error", onOutputError);

  write(
    `${p.bold("outage-bot console")}: type a command such as ${p.bold("status github")}, ${p.bold("help")}, or ${p.bold("exit")}.\n`,
  );
  rl.prompt();
  try {
    for await (const raw of rl) {
      const line = raw.trim();
      if (EXIT_WORDS.has(line.toLowerCase())) break;
      if (line === "") {
        rl.prompt();
        continue;
      }
      if (HELP_WORDS.has(line.toLowerCase())) write(helpText(definitions, p));
      else write(await answerLine(line, { ...options, runner, color }, definitions));
      rl.prompt();
    }
  } finally {
    rl.close();
    if (!outputClosed) write("\n");
    logger.debug("console closed");
  }
}

/** Answers one typed line (`status github`, `/outage status github`) as rendered text; for `ask` too. */
export async function answerLine(
  line: string,
  options: Pick<ConsoleOptions, "ctx" | "logger" | "metrics" | "runner"> & { color: boolean },
  definitions = commandDefinitions(),
): Promise<string> {
  const { ctx, color } = options;
  const runner = options.runner ?? ownRunner(options);
  const p = paint(color);
  const text = line.startsWith("/") ? line : /^outage(\s|$)/i.test(line) ? `/${line}` : `/outage ${line}`;
  let invocation: Invocation;
  try {
    const parsed = parseSlash(text, definitions);
    invocation = {
      command: parsed.command,
      subcommand: parsed.subcommand,
      options: parsed.options,
      user: { id: "console", locale: null },
      guildId: null,
      channelId: null,
      memberPermissions: null,
    };
  } catch (err) {
    if (isUserError(err)) return `${p.bold("⚠️")} ${err.message}\n`;
    options.logger.error({ err }, "console parse failed");
    return "Sorry, that line could not be read.\n";
  }
  const { reply } = await runner.command(invocation, "console");
  const spark = await sparklineFor(reply.data, ctx, options.logger);
  return renderText(reply, { color, now: ctx.now(), ...(spark ? { sparkline: spark } : {}) });
}

/** A runner of the console's own, for a console started without the app's (tests, `ask`). */
function ownRunner(options: Pick<ConsoleOptions, "ctx" | "metrics" | "logger">): CommandRunner {
  return createCommandRunner({
    ctx: options.ctx,
    log: options.logger,
    ...(options.metrics ? { metrics: options.metrics } : {}),
  });
}

/** A 24 h sparkline (one mark per hour) when the reply is about one service; none when that fails. */
async function sparklineFor(data: unknown, ctx: CommandContext, logger: Logger): Promise<string | null> {
  const serviceId = (data as { service?: { id?: unknown } } | null)?.service?.id;
  if (typeof serviceId !== "string" || !ctx.catalog.get(serviceId)) return null;
  try {
    const at = ctx.now();
    const points = await ctx.board.series(serviceId, at - DAY_MS, at, HOUR_MS);
    return points.length ? sparkline(points) : null;
  } catch (err) {
    logger.warn({ err, serviceId }, "console sparkline failed");
    return null;
  }
}

function helpText(definitions: ReturnType<typeof commandDefinitions>, p: ReturnType<typeof paint>): string {
  const lines = [p.bold("Commands") + p.dim(" (the leading /outage is optional; options as name:value or in order)")];
  for (const command of definitions) {
    for (const sub of command.options ?? []) {
      const args = "options" in sub && Array.isArray(sub.options) ? sub.options : [];
      const usage = args
        .map((o: { name: string; required?: boolean }) => (o.required ? `<${o.name}>` : `[${o.name}]`))
        .join(" ");
      lines.push(`  ${p.bold(`${sub.name}${usage ? ` ${usage}` : ""}`)}  ${p.dim(sub.description)}`);
    }
  }
  lines.push(`  ${p.bold("help")}  ${p.dim("this list")}`, `  ${p.bold("exit")}  ${p.dim("leave (or Ctrl-D)")}`);
  return `${lines.join("\n")}\n`;
}
