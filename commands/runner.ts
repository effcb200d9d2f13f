import { performance } from "node:perf_hooks";
import type { SubscriptionRepo } from "../src/alerts/alert-repos.js";
import type { Choice, Reply } from "../src/domain/reply.js";
import type { CommandAlerts } from "./alerts-context.js";
import { COMMAND_NAME } from "./command-names.js";
import type { CommandContext, CommandLogger, Invocation } from "./context.js";
import { failureReply, type Outcome, outcomeOf } from "./failure.js";
import { handleAutocomplete, handleButton, handleCommand } from "./index.js";
import { fitChoices } from "./limits.js";
import { findSubcommand, SUBCOMMANDS } from "./registry.js";
import type { Subcommand } from "./subcommand.js";

/** Which way a command came in; a label of the commands metric. */
export type Transport = "gateway" | "http" | "console";

/** The command layer as a transport calls it (commands/index.ts; tests swap in slow or throwing ones). */
export interface CommandHandlers {
  handleCommand(inv: Invocation, ctx: CommandContext): Promise<Reply>;
  /** Choices for option `focused`, whose typed text is `inv.options[focused]`. */
  handleAutocomplete(inv: Invocation, focused: string, ctx: CommandContext): Promise<Choice[]>;
  handleButton(customId: string, inv: Invocation, ctx: CommandContext): Promise<Reply>;
}

/** The two metrics every transport counts (src/metrics's Metrics fits). */
export interface CommandMetrics {
  commands: { inc(labels: { name: string; transport: Transport; outcome: Outcome }): void };
  commandDuration: { observe(labels: { name: string }, seconds: number): void };
}

/** How a transport checks a channel or a role for alerts: the gateway's cache, an HTTP interaction's payload. */
export type ChannelChecks = Pick<CommandAlerts, "checkChannel" | "checkRole">;

/** One answered command or button. */
export interface Answer {
  reply: Reply;
  /** The subcommand (`status`, `alerts list`) or `button <action>`: the metrics' and logs' name. */
  name: string;
  outcome: Outcome;
  /** Handling time (not the transport's sending). */
  seconds: number;
}

/** What createCommandRunner needs. */
export interface CommandRunnerOptions {
  ctx: CommandContext;
  /** Where failures are logged; the context's `log` when absent. */
  log?: CommandLogger;
  /** Turns on the alerts context (the subscription commands) wherever a transport can check channels. */
  subscriptions?: SubscriptionRepo;
  metrics?: CommandMetrics;
  handlers?: CommandHandlers;
  /** Autocomplete cannot be deferred: choices not ready after this long are none (default 2000 ms). */
  autocompleteCapMs?: number;
  registry?: readonly Subcommand[];
}

/** Runs commands, buttons and autocomplete the same way for every transport; never throws. */
export interface CommandRunner {
  readonly ctx: CommandContext;
  command(inv: Invocation, transport: Transport, checks?: ChannelChecks): Promise<Answer>;
  button(customId: string, inv: Invocation, transport: Transport, checks?: ChannelChecks): Promise<Answer>;
  autocomplete(inv: Invocation, focused: string, checks?: ChannelChecks): Promise<Choice[]>;
  /** Whether the invoked subcommand answers privately (its definition says), before it has answered. */
  ephemeral(inv: Invocation): boolean;
}

/** The metrics' name of an invocation: `status`, or `alerts list` for another top-level command. */
function commandName(inv: Invocation): string {
  const command = inv.command ?? COMMAND_NAME;
  return command === COMMAND_NAME ? inv.subcommand : `${command.replace(/^outage-/, "")} ${inv.subcommand}`.trim();
}

/**
 * The transport-neutral command runner: the alerts context (subscriptions, with the transport's
 * channel checks), errors turned into answers in one place (commands/failure.ts), the metrics, and
 * the ephemeral flag from the subcommand's definition. The gateway, HTTP interactions and the
 * console only translate their input into an Invocation and the Reply into their output.
 */
export function createCommandRunner(options: CommandRunnerOptions): CommandRunner {
  const handlers = options.handlers ?? { handleCommand, handleAutocomplete, handleButton };
  const registry = options.registry ?? SUBCOMMANDS;
  const capMs = options.autocompleteCapMs ?? 2000;
  const { metrics, subscriptions } = options;
  const base = options.ctx;
  const log = options.log ?? base.log;

  const contextFor = (checks: ChannelChecks | undefined): CommandContext =>
    subscriptions && checks ? { ...base, alerts: { subscriptions, ...checks } } : base;

  const run = async (
    name: string,
    transport: Transport,
    where: Record<string, unknown>,
    produce: () => Promise<Reply>,
  ): Promise<Answer> => {
    const started = performance.now();
    let reply: Reply;
    try {
      reply = await produce();
    } catch (error) {
      reply = failureReply(error, log, where);
    }
    const seconds = (performance.now() - started) / 1000;
    const outcome = outcomeOf(reply);
    metrics?.commands.inc({ name, transport, outcome });
    metrics?.commandDuration.observe({ name }, seconds);
    return { reply, name, outcome, seconds };
  };

  return {
    ctx: base,
    command: (inv, transport, checks) =>
      run(commandName(inv), transport, { command: inv.command, subcommand: inv.subcommand, transport }, () =>
        handlers.handleCommand(inv, contextFor(checks)),
      ),
    button: (customId, inv, transport, checks) =>
      run(`button ${customId.split(":")[1] ?? "?"}`, transport, { button: customId, transport }, () =>
        handlers.handleButton(customId, inv, contextFor(checks)),
      ),
    async autocomplete(inv, focused, checks) {
      let timer: NodeJS.Timeout | undefined;
      // A late answer is worth nothing: Discord has stopped waiting for it.
      const late = new Promise<Choice[]>((resolve) => {
        timer = setTimeout(resolve, capMs, []);
      });
      try {
        return fitChoices(await Promise.race([handlers.handleAutocomplete(inv, focused, contextFor(checks)), late]));
      } catch (error) {
        failureReply(error, log, { autocomplete: focused, subcommand: inv.subcommand });
        return [];
      } finally {
        clearTimeout(timer);
      }
    },
    ephemeral: (inv) => findSubcommand(inv.subcommand, inv.command ?? COMMAND_NAME, registry)?.ephemeral === true,
  };
}
