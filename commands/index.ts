import type { Choice, Reply } from "../src/domain/reply.js";
import { regionChoices, serviceChoices } from "./autocomplete.js";
import { COMMAND_NAME, commandOf } from "./command-names.js";
import type { CommandContext, Invocation } from "./context.js";
import { UserError } from "./errors.js";
import { failureReply } from "./failure.js";
import { fitChoices, fitReply } from "./limits.js";
import { findSubcommand, SUBCOMMANDS } from "./registry.js";
import { echo } from "./render/echo.js";
import type { ButtonHandler, Subcommand } from "./subcommand.js";

export type { CommandCharts, CommandContext, CommandLogger, Invocation, OptionValues } from "./context.js";
export {
  ALERTS_COMMAND_NAME,
  COMMAND_NAME,
  COMMANDS,
  type CommandMeta,
  canonicalJson,
  commandDefinitions,
  definitionsHash,
} from "./definitions.js";
export { isUserError, UserError } from "./errors.js";
export { apologyReply, failureReply, newErrorId, type Outcome, outcomeOf, userErrorReply } from "./failure.js";
export { fitChoices, fitReply, LIMITS } from "./limits.js";
export { parseSlash, type SlashInvocation } from "./parse-slash.js";
export { findSubcommand, SUBCOMMANDS } from "./registry.js";
export { type ButtonHandler, defineSubcommand, type PermissionRule, type Subcommand } from "./subcommand.js";

/** Logs without letting a broken logger turn into an unanswered interaction. */
function logQuietly(ctx: CommandContext, obj: Record<string, unknown>, msg: string): void {
  try {
    ctx.log?.warn(obj, msg);
  } catch {
    // The answer matters more than the log line.
  }
}

/** Runs a reply producer and makes sure the result is a Discord-safe reply; never throws. */
async function answer(
  produce: () => Promise<Reply>,
  ctx: CommandContext,
  where: Record<string, unknown>,
): Promise<Reply> {
  try {
    return fitReply(await produce());
  } catch (error) {
    return fitReply(failureReply(error, ctx.log, where));
  }
}

/**
 * Answers one `/outage` invocation. Never throws: errors come back as ephemeral replies.
 * `registry` defaults to SUBCOMMANDS; tests pass their own.
 */
export function handleCommand(
  inv: Invocation,
  ctx: CommandContext,
  registry: readonly Subcommand[] = SUBCOMMANDS,
): Promise<Reply> {
  return answer(
    async () => {
      const command = inv.command ?? COMMAND_NAME;
      const siblings = registry.filter((s) => commandOf(s) === command);
      if (siblings.length === 0) {
        // Discord only sends commands this app registered: an unknown name is a stale registration
        // or another app's payload, and must not be answered as if it were `/outage`.
        logQuietly(ctx, { command: String(command).slice(0, 100) }, "unknown command");
        const known = [...new Set(registry.map(commandOf))].map((c) => `\`/${c}\``).join(", ");
        throw new UserError(`I don't have a \`/${echo(String(command), 32)}\` command. Mine are ${known}.`);
      }
      const subcommand = findSubcommand(inv.subcommand, command, registry);
      if (!subcommand) {
        const list = siblings.map((s) => `\`${s.name}\``).join(", ");
        throw new UserError(`There is no \`/${command} ${echo(inv.subcommand, 32)}\`. Try one of ${list}.`);
      }
      const rule = subcommand.permissions;
      if (rule && (inv.memberPermissions === null || (inv.memberPermissions & rule.anyOf) === 0n)) {
        throw new UserError(
          inv.memberPermissions === null
            ? `\`/${command} ${subcommand.name}\` works only in a server.`
            : `You need the ${rule.label} permission to use \`/${command} ${subcommand.name}\`.`,
        );
      }
      return subcommand.handle(inv, ctx);
    },
    ctx,
    // Optional chaining: a malformed invocation from a transport must still get an answer.
    { command: inv?.command, subcommand: inv?.subcommand, inGuild: inv?.guildId != null },
  );
}

/**
 * Choices for the focused option of an invocation (its typed text is `inv.options[focused]`).
 * Services with problems now come first; at most 25. Never throws: a failure gives no choices.
 */
export async function handleAutocomplete(
  inv: Invocation,
  focused: string,
  ctx: CommandContext,
  registry: readonly Subcommand[] = SUBCOMMANDS,
): Promise<Choice[]> {
  try {
    const command = inv.command ?? COMMAND_NAME;
    // Choices for a command this bot does not have would answer for another command's options.
    if (!registry.some((s) => commandOf(s) === command)) return [];
    const subcommand = findSubcommand(inv.subcommand, command, registry);
    const query = String(inv.options[focused] ?? "");
    if (subcommand?.autocomplete) return fitChoices(await subcommand.autocomplete(inv, focused, ctx));
    if (focused === "service") return await serviceChoices(query, ctx);
    if (focused === "region") return regionChoices(query, ctx, inv.user.locale);
    return [];
  } catch (error) {
    try {
      ctx.log?.error({ err: error, autocomplete: focused, subcommand: inv.subcommand }, "autocomplete failed");
    } catch {
      // Logging trouble must not turn into an unanswered autocomplete.
    }
    return [];
  }
}

function findButton(action: string, registry: readonly Subcommand[]): ButtonHandler | undefined {
  for (const subcommand of registry) {
    const handler = subcommand.buttons?.[action];
    if (handler) return handler;
  }
  return undefined;
}

/**
 * Answers a button press (`outage:<action>:<arg>`, e.g. `outage:refresh:github`). A non-ephemeral
 * reply replaces the message the button is on; an ephemeral one is a new private answer. Never throws.
 */
export function handleButton(
  customId: string,
  inv: Invocation,
  ctx: CommandContext,
  registry: readonly Subcommand[] = SUBCOMMANDS,
): Promise<Reply> {
  return answer(
    async () => {
      const [prefix, action = "", ...rest] = customId.split(":");
      const handler = prefix === "outage" ? findButton(action, registry) : undefined;
      if (!handler) throw new UserError("This button or form is no longer supported. Run the command again.");
      return handler(rest.join(":"), inv, ctx);
    },
    ctx,
    { button: customId, inGuild: inv?.guildId != null },
  );
}
