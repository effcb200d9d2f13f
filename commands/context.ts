import type { Catalog, RegionDirectory } from "../src/catalog/types.js";
import type { RegionBreakdown, ReportIntake, StatusBoard } from "../src/domain/board.js";
import type { ReplyFile } from "../src/domain/reply.js";
import type { StatusReport } from "../src/domain/status-report.js";
import type { CommandAlerts } from "./alerts-context.js";

/** Option values of one slash command invocation, already typed by the transport. */
export type OptionValues = Record<string, string | number | boolean | undefined>;

/** Who asked, where, and with what: everything a handler needs from the transport. */
export interface Invocation {
  /** Top-level command (`outage`, `outage-alerts`); `outage` when absent (typed commands, buttons). */
  command?: string;
  /** Subcommand of the command (`status`, `regions`, …). */
  subcommand: string;
  options: OptionValues;
  user: { id: string; locale?: string | null };
  guildId: string | null;
  channelId: string | null;
  /** Values picked in a select menu, or the fields of a submitted form (component interactions). */
  values?: readonly string[];
  /** Permission bitfield of the member who asked; null outside a guild (console, DM). */
  memberPermissions: bigint | null;
}

/** The services a handler may use. Time comes from `now`, never from Date.now(). */
export interface CommandContext {
  catalog: Catalog;
  regions: RegionDirectory;
  board: StatusBoard;
  intake: ReportIntake;
  now(): number;
  /** Chart renderer; replies are complete without it (no picture, nothing else missing). */
  charts?: CommandCharts;
  /** Alert subscriptions; the subscription commands answer that alerts are off without it. */
  alerts?: CommandAlerts;
  /** Where handler failures and chart failures are logged (a pino logger fits). */
  log?: CommandLogger;
}

/** The logger calls the command layer makes; pino's `Logger` satisfies it. */
export interface CommandLogger {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/**
 * Chart pictures for replies (`createCommandCharts` in commands/charts.ts adapts src/charts). Each
 * returns a PNG file (its `name` is used as `attachment://name`) or null when there is nothing to
 * draw; a throw is logged and the reply goes out without a picture.
 */
export interface CommandCharts {
  /** Reports over the last 24 h against the usual level, for `/outage status <service>`. */
  status(report: StatusReport, at: number): Promise<ReplyFile | null>;
  /** Top regions as bars, for `/outage regions`. */
  regions?(breakdown: RegionBreakdown, serviceName: string, at: number): Promise<ReplyFile | null>;
  /**
   * Gets drawing ready ahead of live traffic (the chart fonts cut down, ~0.5 s once per machine);
   * true when the cut-down fonts are in use. Without it the first drawing starts it.
   */
  prepare?(): Promise<boolean>;
}
