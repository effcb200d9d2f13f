/** Shared types of the Discord emulator: options, records and failure kinds. */

/** A channel of a guild seed; `botDeny` is a permission overwrite denying the bot those bits there. */
export interface ChannelSeed {
  id: string;
  name: string;
  type?: number;
  /** Permission bits (string of a bigint) an overwrite for the bot's member denies in this channel. */
  botDeny?: string;
  /** For a thread (types 10–12): the channel (or forum) it belongs to, and whether it is locked. */
  parentId?: string;
  locked?: boolean;
}

/** A role of a guild besides @everyone. */
export interface RoleSeed {
  id: string;
  name: string;
  /** Managed by an integration (a bot's own role, the booster role). */
  managed?: boolean;
}

/** A guild the emulator announces in READY and GUILD_CREATE. */
export interface GuildSeed {
  id: string;
  name: string;
  channels: ChannelSeed[];
  /** Permission bitfield the bot has in this guild (string of a bigint); all by default. */
  botPermissions?: string;
  /** The guild owner's user id (admins are told about paused alerts by DM). */
  ownerId?: string;
  /** Where Discord posts system messages; the first channel by default, null for none. */
  systemChannelId?: string | null;
  roles?: RoleSeed[];
}

/** A request limit: `limit` requests per `windowMs` (per major parameter for route limits). */
export interface LimitSpec {
  limit: number;
  windowMs: number;
}

/** Options of `startEmulator`. */
export interface EmulatorOptions {
  appId?: string;
  botUser?: { id: string; username: string };
  guilds?: GuildSeed[];
  /** Gateway heartbeat interval sent in HELLO (ms, default 41 250). */
  heartbeatIntervalMs?: number;
  /** Global limit on authenticated requests (default 50 per 1000 ms); null disables it. */
  globalLimit?: LimitSpec | null;
  /** Per-route limits keyed by `METHOD /route/:template` (see `ROUTE_KEYS`). */
  routeLimits?: Record<string, LimitSpec>;
  /** Time a bot has to send the first interaction callback (ms, default 3000, like Discord). */
  interactionWindowMs?: number;
  /** Retry-After used for injected 429s (ms, default 50). */
  injected429RetryAfterMs?: number;
  /** How long `inject.*` waits for an answer before rejecting (ms, default 15000: a guard against a hang, not a speed test). */
  answerTimeoutMs?: number;
}

/** What the emulator can be told to answer instead of serving a request. */
export const FAILURE_KINDS = [
  "429",
  "429-global",
  "500",
  "missing-permissions",
  "missing-access",
  "unknown-channel",
  "unknown-message",
  "unknown-interaction",
] as const;
export type FailureKind = (typeof FAILURE_KINDS)[number];

/** One request the bot made, as the emulator saw it. */
export interface RecordedRequest {
  at: number;
  method: string;
  /** Path after `/api/v10`, decoded (`/webhooks/1/tok/messages/@original`). */
  path: string;
  /** Route template (`PATCH /webhooks/:app/:token/messages/:mid`). */
  route: string;
  query: Record<string, string>;
  authorized: boolean;
  /** Why the emulator answered 429, when it did: its global or route limit, or an injected failure. */
  limited?: "global" | "route" | "injected";
  /** Parsed JSON body, or `payload_json` of a multipart body. */
  body: unknown;
  files: { field: string; name: string; size: number; contentType: string }[];
  status: number;
}

/** A limit or shape the bot broke, with where. */
export interface Violation {
  route: string;
  path: string;
  problem: string;
}
