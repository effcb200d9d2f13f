import { createHash } from "node:crypto";
import type {
  InteractionContextType as ContextType,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import { ALERTS_COMMAND_NAME, COMMAND_NAME, commandOf } from "./command-names.js";
import {
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  PermissionFlagsBits,
} from "./discord-api.js";
import { SUBCOMMANDS } from "./registry.js";
import type { Subcommand } from "./subcommand.js";

export { ALERTS_COMMAND_NAME, COMMAND_NAME };

/** A top-level command: what Discord lists, and who sees it. */
export interface CommandMeta {
  name: string;
  description: string;
  /**
   * Permission bits (decimal string) a member needs for Discord to show the command at all; server
   * admins can change this in Server Settings → Integrations. Absent: every member sees it.
   */
  defaultMemberPermissions?: string;
  contexts: ContextType[];
}

/** The top-level commands, in the order they are registered. */
export const COMMANDS: readonly CommandMeta[] = [
  {
    name: COMMAND_NAME,
    description: "Is it down? Outages from crowd reports and official status pages",
    contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
  },
  {
    name: ALERTS_COMMAND_NAME,
    description: "Outage alerts in this server's channels (for people who manage channels)",
    defaultMemberPermissions: String(PermissionFlagsBits.ManageChannels),
    // Subscriptions belong to a server's channels: there is nothing to manage in a DM.
    contexts: [InteractionContextType.Guild],
  },
];

/** Every top-level command with its subcommands, as Discord's bulk-overwrite JSON bodies. */
export function commandDefinitions(
  subcommands: readonly Subcommand[] = SUBCOMMANDS,
): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return COMMANDS.flatMap((meta) => {
    const own = subcommands.filter((s) => commandOf(s) === meta.name);
    if (own.length === 0) return [];
    return [
      {
        type: ApplicationCommandType.ChatInput,
        name: meta.name,
        description: meta.description,
        integration_types: [ApplicationIntegrationType.GuildInstall],
        contexts: meta.contexts,
        ...(meta.defaultMemberPermissions ? { default_member_permissions: meta.defaultMemberPermissions } : {}),
        options: own.map((s) => s.definition),
      },
    ];
  });
}

/** JSON with object keys sorted at every depth, so equal definitions always give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

/** sha256 (hex) of the canonical definitions JSON: the transport re-registers only when it changes. */
export function definitionsHash(definitions: readonly unknown[] = commandDefinitions()): string {
  return createHash("sha256").update(canonicalJson(definitions)).digest("hex");
}
