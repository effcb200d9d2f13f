import { createHash } from "node:crypto";
import { ApplicationCommandType, ApplicationIntegrationType, InteractionContextType, PermissionFlagsBits, } from "discord-api-types/v10";
import { ALERTS_COMMAND_NAME, COMMAND_NAME, commandOf } from "./command-names.js";
import { SUBCOMMANDS } from "./registry.js";
export { ALERTS_COMMAND_NAME, COMMAND_NAME };
/** The top-level commands, in the order they are registered. */
export const COMMANDS = [
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
export function commandDefinitions(subcommands = SUBCOMMANDS) {
    return COMMANDS.flatMap((meta) => {
        const own = subcommands.filter((s) => commandOf(s) === meta.name);
        if (own.length === 0)
            return [];
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
export function canonicalJson(value) {
    return JSON.stringify(value, (_key, v) => v && typeof v === "object" && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        : v);
}
/** sha256 (hex) of the canonical definitions JSON: the transport re-registers only when it changes. */
export function definitionsHash(definitions = commandDefinitions()) {
    return createHash("sha256").update(canonicalJson(definitions)).digest("hex");
}
//# sourceMappingURL=definitions.js.map