import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { type WebSocket, WebSocketServer } from "ws";
import type { EmulatorState } from "./state.js";
import type { ChannelSeed } from "./types.js";

const REPLAY_BUFFER = 1000;

interface Session {
  id: string;
  seq: number;
  socket: WebSocket | null;
  /** Dispatches sent (or queued while disconnected), kept for RESUME. */
  sent: { op: 0; t: string; s: number; d: unknown }[];
}

/** Events a test can observe on the gateway. */
export interface GatewayStats {
  identifies: number;
  resumes: number;
  heartbeats: number;
  /** Intents bitfield of the last IDENTIFY. */
  intents: number | null;
}

/** Discord's gateway: HELLO, IDENTIFY → READY + GUILD_CREATE, heartbeats, RESUME with replay, dispatch. */
export class Gateway {
  readonly #wss = new WebSocketServer({ noServer: true });
  readonly #sessions = new Map<string, Session>();
  readonly stats: GatewayStats = { identifies: 0, resumes: 0, heartbeats: 0, intents: null };
  readonly #readyWaiters = new Set<() => void>();
  readonly #rawSockets = new Set<Duplex>();

  constructor(
    private readonly state: EmulatorState,
    private readonly heartbeatIntervalMs: number,
    private readonly gatewayUrl: () => string,
  ) {
    this.#wss.on("connection", (socket) => this.#onConnection(socket));
  }

  /** Hands an HTTP upgrade on the gateway path to the WebSocket server. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.#rawSockets.add(socket);
    socket.once("close", () => this.#rawSockets.delete(socket));
    this.#wss.handleUpgrade(req, socket, head, (ws) => this.#wss.emit("connection", ws, req));
  }

  /** Stops reading every connection, as a peer that went silent: nothing is answered, not even a close. */
  stall(): void {
    for (const socket of this.#rawSockets) socket.pause();
  }

  /** Sends a dispatch to every session (queued for replay while a session is disconnected). */
  dispatch(t: string, d: unknown): void {
    for (const session of this.#sessions.values()) this.#send(session, t, d);
  }

  /** True once a session is connected and identified. */
  get connected(): boolean {
    return [...this.#sessions.values()].some((s) => s.socket !== null);
  }

  /** Resolves when a session is (re)connected. */
  whenConnected(): Promise<void> {
    if (this.connected) return Promise.resolve();
    return new Promise((resolve) => this.#readyWaiters.add(resolve));
  }

  /** Cuts every connection as a network failure would (close 1006), so the client resumes. */
  dropConnections(): void {
    for (const session of this.#sessions.values()) {
      session.socket?.terminate();
      session.socket = null;
    }
  }

  /** Closes every socket and the server. */
  close(): void {
    for (const client of this.#wss.clients) client.terminate();
    for (const socket of this.#rawSockets) socket.destroy();
    this.#wss.close();
  }

  #send(session: Session, t: string, d: unknown): void {
    session.seq += 1;
    const payload = { op: 0 as const, t, s: session.seq, d };
    session.sent.push(payload);
    if (session.sent.length > REPLAY_BUFFER) session.sent.shift();
    session.socket?.send(JSON.stringify(payload));
  }

  #attached(session: Session, socket: WebSocket): void {
    session.socket = socket;
    socket.on("close", () => {
      if (session.socket === socket) session.socket = null;
    });
    for (const waiter of this.#readyWaiters) waiter();
    this.#readyWaiters.clear();
  }

  #onConnection(socket: WebSocket): void {
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.heartbeatIntervalMs }, s: null, t: null }));
    socket.on("message", (raw) => {
      let msg: { op?: number; d?: Record<string, unknown> | number | null };
      try {
        msg = JSON.parse(raw.toString());
      } catch {
        socket.close(4002, "Error while decoding payload.");
        return;
      }
      if (msg.op === 1) {
        this.stats.heartbeats += 1;
        socket.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
      } else if (msg.op === 2) {
        this.stats.intents = (msg.d as { intents?: number } | null)?.intents ?? null;
        this.#identify(socket);
      } else if (msg.op === 6) this.#resume(socket, msg.d as { session_id: string; seq: number });
    });
  }

  #identify(socket: WebSocket): void {
    this.stats.identifies += 1;
    const session: Session = { id: randomUUID().replaceAll("-", ""), seq: 0, socket: null, sent: [] };
    this.#sessions.set(session.id, session);
    session.socket = socket;
    const { state } = this;
    this.#send(session, "READY", {
      v: 10,
      user: state.botUser,
      guilds: state.guilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: session.id,
      resume_gateway_url: this.gatewayUrl(),
      shard: [0, 1],
      application: { id: state.appId, flags: 0 },
    });
    for (const g of state.guilds) this.#send(session, "GUILD_CREATE", guildCreate(state, g.id));
    this.#attached(session, socket);
  }

  #resume(socket: WebSocket, d: { session_id: string; seq: number }): void {
    const session = this.#sessions.get(d?.session_id);
    if (!session) {
      socket.send(JSON.stringify({ op: 9, d: false, s: null, t: null }));
      return;
    }
    this.stats.resumes += 1;
    session.socket?.terminate();
    for (const missed of session.sent.filter((p) => p.s > d.seq)) socket.send(JSON.stringify(missed));
    session.socket = socket;
    this.#send(session, "RESUMED", null);
    this.#attached(session, socket);
  }
}

/** The channel's permission overwrites: one for the bot's member when the channel denies it something. */
export function channelOverwrites(state: EmulatorState, channelId: string) {
  const deny = state.botDeny.get(channelId);
  return deny ? [{ id: state.botUser.id, type: 1, allow: "0", deny }] : [];
}

/** Thread channel types: announcement, public and private threads (a forum's posts are public threads). */
export function isThread(type: number | undefined): boolean {
  return type === 10 || type === 11 || type === 12;
}

/** A channel or thread object as GUILD_CREATE, CHANNEL_* and THREAD_* dispatches carry it. */
export function channelPayload(state: EmulatorState, guildId: string, c: ChannelSeed, position: number) {
  return {
    id: c.id,
    name: c.name,
    type: c.type ?? 0,
    position,
    guild_id: guildId,
    permission_overwrites: channelOverwrites(state, c.id),
    ...(isThread(c.type)
      ? {
          parent_id: c.parentId ?? null,
          owner_id: state.botUser.id,
          thread_metadata: {
            archived: false,
            auto_archive_duration: 1440,
            archive_timestamp: new Date(0).toISOString(),
            locked: c.locked ?? false,
          },
          message_count: 0,
          member_count: 1,
        }
      : {}),
  };
}

function guildCreate(state: EmulatorState, guildId: string) {
  const guild = state.guilds.find((g) => g.id === guildId)!;
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    owner_id: guild.ownerId ?? "100000000000000099",
    unavailable: false,
    member_count: 2,
    large: false,
    features: [],
    joined_at: new Date(0).toISOString(),
    roles: [
      {
        id: guild.id,
        name: "@everyone",
        permissions: guild.botPermissions ?? "2251799813685247",
        position: 0,
        color: 0,
        hoist: false,
        managed: false,
        mentionable: false,
        flags: 0,
      },
      ...(guild.roles ?? []).map((r, i) => ({
        id: r.id,
        name: r.name,
        permissions: "0",
        position: i + 1,
        color: 0,
        hoist: false,
        managed: r.managed ?? false,
        mentionable: true,
        flags: 0,
      })),
    ],
    channels: guild.channels
      .filter((c) => !isThread(c.type))
      .map((c, position) => channelPayload(state, guild.id, c, position)),
    // The bot's own member, so discord.js can compute its permissions in a channel.
    members: [
      {
        user: state.botUser,
        roles: [],
        joined_at: new Date(0).toISOString(),
        deaf: false,
        mute: false,
        flags: 0,
        pending: false,
        nick: null,
        avatar: null,
        premium_since: null,
      },
    ],
    threads: guild.channels
      .filter((c) => isThread(c.type))
      .map((c, position) => channelPayload(state, guild.id, c, position)),
    emojis: [],
    stickers: [],
    voice_states: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}
