import { COMMAND_NAME, commandOf } from "./command-names.js";
import { incidentsCommand } from "./subcommands/incidents.js";
import { regionsCommand } from "./subcommands/regions.js";
import { reportCommand } from "./subcommands/report.js";
import { servicesCommand } from "./subcommands/services.js";
import { statusCommand } from "./subcommands/status.js";
import { subscribeCommand } from "./subcommands/subscribe.js";
import { alertsListCommand, subscriptionsCommand } from "./subcommands/subscriptions.js";
import { unsubscribeCommand } from "./subcommands/unsubscribe.js";
/**
 * Every subcommand of every top-level command (`/outage`, then the admin `/outage-alerts`), in the
 * order Discord shows them. An explicit list, not a folder scan: adding a subcommand is one file in
 * subcommands/ plus one line here.
 */
export const SUBCOMMANDS = [
    statusCommand,
    regionsCommand,
    incidentsCommand,
    reportCommand,
    servicesCommand,
    subscriptionsCommand,
    subscribeCommand,
    unsubscribeCommand,
    alertsListCommand,
];
/** The subcommand `name` of top-level command `command` (`outage` by default), if there is one. */
export function findSubcommand(name, command = COMMAND_NAME, registry = SUBCOMMANDS) {
    return registry.find((s) => s.name === name && commandOf(s) === command);
}
//# sourceMappingURL=registry.js.map