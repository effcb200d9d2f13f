import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { channelPayload, Gateway, type GatewayStats, isThread } from "./gateway.js";
import { Injector } from "./injector.js";
import { createRestHandler, ROUTE_KEYS } from "./rest-server.js";
import { snowflake } from "./snowflake.js";
import { type ChannelCondition, EmulatorState, type StoredMessage } from "./state.js";
import type { EmulatorOptions, FailureKind, RecordedRequest, Violation } from "./types.js";

export type { InjectContext, InteractionOutcome } from "./injector.js";
export type { ChannelCondition, StoredMessage } from "./state.js";
export type {
  ChannelSeed,
  EmulatorOptions,
  FailureKind,
  GuildSeed,
  LimitSpec,
  RecordedRequest,
  RoleSeed,
  Violation,
} from "./types.js";
export { DISCORD_LIMITS } from "./validator.js";
export { ROUTE_KEYS, snowflake };

/** A running Discord emulator, as tests drive it. */
export interface DiscordEmulator {
  /** REST base for discord.js's `rest.api` (`http://127.0.0.1:PORT/api`). */
  apiUrl: string;
  gatewayUrl: string;
  appId: string;
  /** The first guild and its first channel, for tests that need just one. */
  guildId: string;
  channelId: string;
  inject: Injector;
  /** Cuts the gateway connection as a network failure would; the client resumes. */
  dropConnection(): void;
  /** Resolves when a gateway session is connected (again). */
  waitForConnection(): Promise<void>;
  /** The gateway stops reading its connections: it answers nothing from now on, not even a close. */
  stallGateway(): void;
  /** The next `n` calls to `route` (`METHOD /template`, see ROUTE_KEYS) fail with `kind`. */
  failNext(route: string, kind: FailureKind, n?: number): void;
  /** Makes a channel deleted, or the bot lose its permissions there, from now on. */
  setChannel(channelId: string, condition: ChannelCondition): void;
  /**
   * Adds a channel (text by default) to a guild (the first by default) and tells the bot
   * (CHANNEL_CREATE); `botDeny` denies the bot those permission bits there with an overwrite.
   */
  addChannel(channel: {
    id?: string;
    name?: string;
    guildId?: string;
    type?: number;
    botDeny?: string;
    /** Threads (types 10–12): the parent channel or forum, and whether the thread is locked. */
    parentId?: string;
    locked?: boolean;
  }): string;
  /** Deletes a channel or thread: CHANNEL_DELETE (THREAD_DELETE) to the bot, Unknown Channel on its routes. */
  deleteChannel(channelId: string): void;
  /** Denies the bot `deny` permission bits in a channel from now on, with an overwrite (CHANNEL_UPDATE). */
  denyBot(channelId: string, deny: string): void;
  /** Messages in a channel, oldest first. */
  channelMessages(channelId: string): StoredMessage[];
  /** Commands registered globally, or in one guild. */
  registeredCommands(guildId?: string): unknown[];
  /** The guild removes the bot: GUILD_DELETE, then Unknown Guild / Missing Access on its routes. */
  removeGuild(guildId: string): void;
  /** The DM channel the bot opened with a user, if any. */
  dmChannel(userId: string): string | undefined;
  /** Sends a gateway dispatch to the bot. */
  dispatch(t: string, d: unknown): void;
  readonly requests: RecordedRequest[];
  readonly violations: Violation[];
  readonly gatewayStats: GatewayStats;
  close(): Promise<void>;
}

/** Starts an HTTP + WebSocket Discord emulator on 127.0.0.1 with a free port. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<DiscordEmulator> {
  const state = new EmulatorState(options);
  const server = createServer();
  let port = 0;
  const gatewayUrl = () => `ws://127.0.0.1:${port}/gateway`;
  const gateway = new Gateway(state, options.heartbeatIntervalMs ?? 41_250, gatewayUrl);
  const notify = (id: string) => {
    for (const listener of [...(state.interactions.get(id)?.listeners ?? [])]) listener();
  };
  const rest = createRestHandler(state, options, gatewayUrl, notify);
  server.on("request", (req, res) => {
    rest(req, res).catch((error: Error) => {
      state.violations.push({ route: req.method ?? "", path: req.url ?? "", problem: `emulator: ${error.message}` });
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  server.on("upgrade", (req, socket, head) => {
    if (req.url?.startsWith("/gateway")) gateway.upgrade(req, socket, head);
    else socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  const firstGuild = state.guilds[0]!;
  const injector = new Injector(state, gateway, options.answerTimeoutMs ?? 15_000);
  return {
    apiUrl: `http://127.0.0.1:${port}/api`,
    gatewayUrl: gatewayUrl(),
    appId: state.appId,
    guildId: firstGuild.id,
    channelId: firstGuild.channels[0]!.id,
    inject: injector,
    dropConnection: () => gateway.dropConnections(),
    waitForConnection: () => gateway.whenConnected(),
    stallGateway: () => gateway.stall(),
    failNext: (route, kind, n = 1) => {
      if (!ROUTE_KEYS.includes(route)) throw new Error(`unknown route ${route}; one of ${ROUTE_KEYS.join(", ")}`);
      state.failNext(route, kind, n);
    },
    setChannel: (channelId, condition) => state.channelCondition.set(channelId, condition),
    addChannel: ({
      id = snowflake(),
      name = `channel-${id}`,
      guildId = firstGuild.id,
      type = 0,
      botDeny,
      parentId,
      locked,
    }) => {
      const guild = state.guilds.find((g) => g.id === guildId);
      if (!guild) throw new Error(`no guild ${guildId} in the emulator`);
      const seed = {
        id,
        name,
        type,
        ...(botDeny ? { botDeny } : {}),
        ...(parentId ? { parentId } : {}),
        ...(locked ? { locked } : {}),
      };
      guild.channels.push(seed);
      state.channels.set(id, { id, name, type, guild_id: guildId });
      if (botDeny) state.botDeny.set(id, botDeny);
      const payload = channelPayload(state, guildId, seed, guild.channels.length);
      gateway.dispatch(
        isThread(type) ? "THREAD_CREATE" : "CHANNEL_CREATE",
        isThread(type) ? { ...payload, newly_created: true } : payload,
      );
      return id;
    },
    deleteChannel: (channelId) => {
      const guild = state.guildOf(channelId);
      const seed = guild?.channels.find((c) => c.id === channelId);
      if (!guild || !seed) throw new Error(`no channel ${channelId} in the emulator`);
      guild.channels.splice(guild.channels.indexOf(seed), 1);
      state.channelCondition.set(channelId, "deleted");
      const payload = channelPayload(state, guild.id, seed, 0);
      gateway.dispatch(isThread(seed.type) ? "THREAD_DELETE" : "CHANNEL_DELETE", payload);
    },
    denyBot: (channelId, deny) => {
      const guild = state.guildOf(channelId);
      const seed = guild?.channels.find((c) => c.id === channelId);
      if (!guild || !seed) throw new Error(`no channel ${channelId} in the emulator`);
      seed.botDeny = deny;
      state.botDeny.set(channelId, deny);
      state.channelCondition.set(channelId, "missing-permissions");
      const payload = channelPayload(state, guild.id, seed, guild.channels.indexOf(seed));
      gateway.dispatch(isThread(seed.type) ? "THREAD_UPDATE" : "CHANNEL_UPDATE", payload);
    },
    channelMessages: (channelId) => [...(state.messages.get(channelId) ?? [])],
    registeredCommands: (guildId) => (guildId ? (state.commands.guild.get(guildId) ?? []) : state.commands.global),
    dispatch: (t, d) => gateway.dispatch(t, d),
    removeGuild: (guildId) => {
      state.removedGuilds.add(guildId);
      gateway.dispatch("GUILD_DELETE", { id: guildId });
    },
    dmChannel: (userId) => state.dmChannels.get(userId),
    requests: state.requests,
    violations: state.violations,
    gatewayStats: gateway.stats,
    close: async () => {
      gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
