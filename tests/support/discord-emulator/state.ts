import { snowflake } from "./snowflake.js";
import type { EmulatorOptions, FailureKind, GuildSeed, RecordedRequest, Violation } from "./types.js";

/** A message as the emulator keeps it (Discord's message object, trimmed to what bots read). */
export interface StoredMessage {
  id: string;
  channel_id: string;
  content: string;
  embeds: unknown[];
  components: unknown[];
  attachments: { id: string; filename: string; size: number; content_type: string; description?: string }[];
  flags: number;
  timestamp: string;
  edited_timestamp: string | null;
  [key: string]: unknown;
}

/** Everything the bot did with one interaction. */
export interface InteractionRecord {
  id: string;
  token: string;
  type: number;
  createdAt: number;
  channelId: string | null;
  /** Callback bodies in order (a retried or rejected one included). */
  callbacks: { type: number; data?: unknown }[];
  /** Message bodies of accepted PATCH @original edits. */
  edits: unknown[];
  /** Message bodies of accepted follow-ups. */
  followups: unknown[];
  /** The message the interaction is about (button clicks) or created (replies). */
  original: StoredMessage | null;
  /** Message a component interaction came from. */
  sourceMessageId: string | null;
  answered: boolean;
  /** The accepted callback (type and data), once there is one. */
  accepted: { type: number; data?: unknown } | null;
  listeners: Set<() => void>;
  /** The dispatched INTERACTION_CREATE payload. */
  payload?: unknown;
}

/** Condition of a channel, for permission and deletion failures. */
export type ChannelCondition = "ok" | "deleted" | "missing-permissions" | "missing-access";

/** The emulator's mutable world. */
export class EmulatorState {
  readonly appId: string;
  readonly botUser: { id: string; username: string; discriminator: string; bot: true; avatar: null; global_name: null };
  readonly guilds: GuildSeed[];
  readonly channels = new Map<string, { id: string; name: string; type: number; guild_id: string }>();
  readonly channelCondition = new Map<string, ChannelCondition>();
  /** Guilds that removed the bot: GET answers Unknown Guild, their channels Missing Access. */
  readonly removedGuilds = new Set<string>();
  /** DM channel id by recipient user id. */
  readonly dmChannels = new Map<string, string>();
  readonly messages = new Map<string, StoredMessage[]>();
  /** Messages created with `enforce_nonce`, by `channel:nonce`, for Discord's few-minute dedupe. */
  readonly nonces = new Map<string, { message: StoredMessage; at: number }>();
  /** Permission bits an overwrite denies the bot in a channel (CHANNEL_CREATE/GUILD_CREATE carry it). */
  readonly botDeny = new Map<string, string>();
  readonly commands = { global: [] as unknown[], guild: new Map<string, unknown[]>() };
  readonly interactions = new Map<string, InteractionRecord>();
  /** Interaction id by token, for the webhook routes. */
  readonly tokens = new Map<string, string>();
  readonly requests: RecordedRequest[] = [];
  readonly violations: Violation[] = [];
  readonly failures = new Map<string, FailureKind[]>();
  readonly interactionWindowMs: number;

  constructor(options: EmulatorOptions) {
    this.appId = options.appId ?? snowflake();
    this.interactionWindowMs = options.interactionWindowMs ?? 3000;
    const user = options.botUser ?? { id: this.appId, username: "outage-bot" };
    this.botUser = { ...user, discriminator: "0", bot: true, avatar: null, global_name: null };
    this.guilds = options.guilds ?? [
      { id: snowflake(), name: "Test Guild", channels: [{ id: snowflake(), name: "general" }] },
    ];
    for (const g of this.guilds) {
      for (const c of g.channels) {
        this.channels.set(c.id, { id: c.id, name: c.name, type: c.type ?? 0, guild_id: g.id });
        if (c.botDeny) this.botDeny.set(c.id, c.botDeny);
      }
    }
  }

  /** Queues `n` failures of `kind` for the next calls to `route`. */
  failNext(route: string, kind: FailureKind, n: number): void {
    const queue = this.failures.get(route) ?? [];
    for (let i = 0; i < n; i++) queue.push(kind);
    this.failures.set(route, queue);
  }

  takeFailure(route: string): FailureKind | undefined {
    const queue = this.failures.get(route);
    return queue?.shift();
  }

  /** Stores a new message in a channel and returns it. */
  createMessage(channelId: string, body: Record<string, unknown>, files: StoredMessage["attachments"]): StoredMessage {
    const message: StoredMessage = {
      id: snowflake(),
      channel_id: channelId,
      type: 0,
      author: this.botUser,
      content: "",
      embeds: [],
      components: [],
      attachments: [],
      flags: 0,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      pinned: false,
      application_id: this.appId,
    };
    applyEdit(message, body, files);
    message.mention_roles = mentionedRoles(message.content, body.allowed_mentions);
    message.mention_everyone = mentionsEveryone(message.content, body.allowed_mentions);
    const list = this.messages.get(channelId) ?? [];
    list.push(message);
    this.messages.set(channelId, list);
    return message;
  }

  findMessage(channelId: string, messageId: string): StoredMessage | undefined {
    return this.messages.get(channelId)?.find((m) => m.id === messageId);
  }

  /** The guild a channel belongs to. */
  guildOf(channelId: string | null): GuildSeed | undefined {
    const channel = channelId ? this.channels.get(channelId) : undefined;
    return this.guilds.find((g) => g.id === channel?.guild_id);
  }
}

/** Window in which Discord answers a repeated `enforce_nonce` create with the first message. */
export const NONCE_WINDOW_MS = 5 * 60_000;

function allowedParse(allowed: unknown): string[] | null {
  if (allowed === undefined || allowed === null) return null;
  return ((allowed as { parse?: string[] }).parse ?? []) as string[];
}

/** Roles a message pings: `<@&id>` in the content, as far as `allowed_mentions` lets them (Discord's rules). */
export function mentionedRoles(content: string, allowed: unknown): string[] {
  const inContent = [...content.matchAll(/<@&(\d+)>/g)].map((m) => m[1]!);
  const parse = allowedParse(allowed);
  if (parse === null || parse.includes("roles")) return [...new Set(inContent)];
  const listed = ((allowed as { roles?: string[] }).roles ?? []).map(String);
  return [...new Set(inContent.filter((id) => listed.includes(id)))];
}

/** Whether `@everyone`/`@here` in the content pings, as `allowed_mentions` allows. */
export function mentionsEveryone(content: string, allowed: unknown): boolean {
  const parse = allowedParse(allowed);
  return /@(everyone|here)/.test(content) && (parse === null || parse.includes("everyone"));
}

/** Applies a message body (create or edit) to a stored message, as Discord does. */
export function applyEdit(message: StoredMessage, body: Record<string, unknown>, files: StoredMessage["attachments"]) {
  if (typeof body.content === "string" || body.content === null) message.content = (body.content as string) ?? "";
  if (Array.isArray(body.embeds) || body.embeds === null) message.embeds = (body.embeds as unknown[]) ?? [];
  if (Array.isArray(body.components) || body.components === null) {
    message.components = (body.components as unknown[]) ?? [];
  }
  if (typeof body.flags === "number") message.flags = body.flags;
  if (files.length > 0 || Array.isArray(body.attachments)) {
    const kept = Array.isArray(body.attachments)
      ? message.attachments.filter((a) => (body.attachments as { id: unknown }[]).some((b) => String(b.id) === a.id))
      : [];
    message.attachments = [...kept, ...files];
  }
}
