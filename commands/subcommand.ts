import type { APIApplicationCommandSubcommandOption } from "discord-api-types/v10";
import type { z } from "zod";
import type { Choice, Reply } from "../src/domain/reply.js";
import type { CommandContext, Invocation } from "./context.js";
import { parseOptions } from "./options.js";

/**
 * A button action: `outage:<action>:<arg>` calls the handler with `arg`. A non-ephemeral reply
 * replaces the message the button is on; an ephemeral one is a new private answer.
 */
export type ButtonHandler = (arg: string, inv: Invocation, ctx: CommandContext) => Promise<Reply>;

/** One subcommand as the registry lists it. */
export interface Subcommand {
  name: string;
  /** The top-level command it belongs to (COMMANDS in definitions.ts); `outage` when absent. */
  command?: string;
  /** The subcommand's Discord definition (plain API JSON). */
  definition: APIApplicationCommandSubcommandOption;
  /** Zod schema of the raw options; resolving names against the catalog needs the context. */
  schema(ctx: CommandContext): z.ZodType;
  /** Validates the options (a UserError when they are wrong) and answers. */
  handle(inv: Invocation, ctx: CommandContext): Promise<Reply>;
  /** Choices for a focused option; the registry answers `service` and `region` when absent. */
  autocomplete?(inv: Invocation, focused: string, ctx: CommandContext): Promise<Choice[]> | Choice[];
  /** Button actions this subcommand owns, by action name. */
  buttons?: Readonly<Record<string, ButtonHandler>>;
  /** Permissions the member needs (any one of the bits), checked by the registry before `handle`. */
  permissions?: PermissionRule;
  /**
   * Whether its answer is private (a receipt, a subscription list): every transport defers a slow
   * one privately, so the "thinking…" never shows in the channel.
   */
  ephemeral?: boolean;
}

/** "Needs Manage Channels or Manage Server": any one of `anyOf`'s bits, named in words for the error. */
export interface PermissionRule {
  anyOf: bigint;
  /** Shown to the person who lacks it, e.g. "Manage Channels or Manage Server". */
  label: string;
}

/** What a subcommand module writes; `run` receives options already validated by `schema`. */
export interface SubcommandSpec<S extends z.ZodType> {
  name: string;
  command?: string;
  definition: APIApplicationCommandSubcommandOption;
  schema(ctx: CommandContext): S;
  run(options: z.output<S>, inv: Invocation, ctx: CommandContext): Promise<Reply>;
  autocomplete?: Subcommand["autocomplete"];
  buttons?: Subcommand["buttons"];
  permissions?: PermissionRule;
  ephemeral?: boolean;
}

/** Builds a registry entry whose `handle` validates with the schema and then runs. */
export function defineSubcommand<S extends z.ZodType>(
  spec: SubcommandSpec<S>,
): Subcommand & { spec: SubcommandSpec<S> } {
  // Building a zod schema costs more than using one: keep the last one while catalog and regions stay.
  let cached: { catalog: unknown; regions: unknown; schema: S } | null = null;
  const schemaFor = (ctx: CommandContext): S => {
    if (cached?.catalog !== ctx.catalog || cached.regions !== ctx.regions) {
      cached = { catalog: ctx.catalog, regions: ctx.regions, schema: spec.schema(ctx) };
    }
    return cached.schema;
  };
  return {
    spec,
    name: spec.name,
    ...(spec.command ? { command: spec.command } : {}),
    definition: spec.definition,
    schema: spec.schema,
    handle: async (inv, ctx) => spec.run(parseOptions(schemaFor(ctx), inv), inv, ctx),
    ...(spec.autocomplete ? { autocomplete: spec.autocomplete } : {}),
    ...(spec.buttons ? { buttons: spec.buttons } : {}),
    ...(spec.permissions ? { permissions: spec.permissions } : {}),
    ...(spec.ephemeral ? { ephemeral: true } : {}),
  };
}
