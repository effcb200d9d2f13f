/** Name of the command everyone uses. */
export const COMMAND_NAME = "outage";
/** Name of the admin command: alert subscriptions. */
export const ALERTS_COMMAND_NAME = "outage-alerts";
/** The top-level command a subcommand belongs to. */
export function commandOf(subcommand) {
    return subcommand.command ?? COMMAND_NAME;
}
//# sourceMappingURL=command-names.js.map