import { createHash } from "node:crypto";
import {
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import { SUBCOMMANDS } from "./registry.js";
import type { Subcommand } from "./subcommand.js";

/** Name of the one top-level command. */
export const COMMAND_NAME = "outage";

/** The `/outage` command and its subcommands as Discord's bulk-overwrite JSON bodies. */
export function commandDefinitions(
  subcommands: readonly Subcommand[] = SUBCOMMANDS,
): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return [
    {
      type: ApplicationCommandType.ChatInput,
      name: COMMAND_NAME,
      description: "Is it down? Outages from crowd reports and official status pages",
      integration_types: [ApplicationIntegrationType.GuildInstall],
      contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
      options: subcommands.map((s) => s.definition),
    },
  ];
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
