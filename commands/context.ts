import type { Catalog, RegionDirectory } from "../src/catalog/types.js";
import type { ReportIntake, StatusBoard } from "../src/domain/board.js";

/** Option values of one slash command invocation, already typed by the transport. */
export type OptionValues = Record<string, string | number | boolean | undefined>;

/** Who asked, where, and with what: everything a handler needs from the transport. */
export interface Invocation {
  /** Subcommand of `/outage` (`status`, `regions`, …). */
  subcommand: string;
  options: OptionValues;
  user: { id: string; locale?: string | null };
  guildId: string | null;
  channelId: string | null;
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
}
