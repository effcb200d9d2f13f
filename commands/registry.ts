import type { Subcommand } from "./subcommand.js";
import { incidentsCommand } from "./subcommands/incidents.js";
import { regionsCommand } from "./subcommands/regions.js";
import { reportCommand } from "./subcommands/report.js";
import { servicesCommand } from "./subcommands/services.js";
import { statusCommand } from "./subcommands/status.js";
import { subscribeCommand } from "./subcommands/subscribe.js";
import { subscriptionsCommand } from "./subcommands/subscriptions.js";
import { unsubscribeCommand } from "./subcommands/unsubscribe.js";

/**
 * Every `/outage` subcommand, in the order Discord shows them. An explicit list, not a folder scan:
 * adding a subcommand is one file in subcommands/ plus one line here.
 */
export const SUBCOMMANDS: readonly Subcommand[] = [
  statusCommand,
  regionsCommand,
  incidentsCommand,
  reportCommand,
  servicesCommand,
  subscribeCommand,
  unsubscribeCommand,
  subscriptionsCommand,
];

/** The subcommand called `name`, if there is one. */
export function findSubcommand(name: string): Subcommand | undefined {
  return SUBCOMMANDS.find((s) => s.name === name);
}
