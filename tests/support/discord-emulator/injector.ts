import type { Gateway } from "./gateway.js";
import { ALL_PERMISSIONS, interactionPayload } from "./interaction-payload.js";
import { snowflake } from "./snowflake.js";
import type { EmulatorState, InteractionRecord, StoredMessage } from "./state.js";

/** Who sends an injected interaction, and where. */
export interface InjectContext {
  user?: { id: string; username?: string };
  /** null for a DM; the first guild by default. */
  guildId?: string | null;
  /** The guild's first channel by default. */
  channelId?: string;
  locale?: string;
  /** Member permission bitfield (string of a bigint); all permissions by default. */
  permissions?: string;
}

/** What the bot answered to one injected interaction. Live: later edits keep landing in it. */
export interface InteractionOutcome {
  id: string;
  /** Accepted callback type: 4 reply, 5 deferred, 6 deferred update, 7 update, 8 choices. */
  callbackType: number;
  /** Every callback the bot attempted, rejected ones included. */
  callbacks: InteractionRecord["callbacks"];
  edits: unknown[];
  followups: unknown[];
  /** The message the interaction produced or updated, as it is now. */
  message: StoredMessage | null;
  ephemeral: boolean;
  /** Autocomplete choices (callback type 8). */
  choices: { name: string; value: string | number }[];
  /** The INTERACTION_CREATE payload as dispatched: the same bytes another transport can be given. */
  payload: unknown;
}

type OptionValue = string | number | boolean;

const ADMINISTRATOR = 1n << 3n;

function optionType(value: OptionValue): number {
  if (typeof value === "boolean") return 5;
  if (typeof value === "number") return Number.isInteger(value) ? 4 : 10;
  return 3;
}

/** Injects interactions as Discord would deliver them, and waits for the bot's answer. */
export class Injector {
  constructor(
    private readonly state: EmulatorState,
    private readonly gateway: Gateway,
    private readonly timeoutMs: number,
  ) {}

  /**
   * A slash command `/name [subcommand] options…`. Like Discord, refuses (rejects) a registered
   * command whose `default_member_permissions` the member lacks: it would not be shown to them.
   */
  command(
    name: string,
    subcommand: string | null,
    options: Record<string, OptionValue | undefined> = {},
    ctx: InjectContext = {},
  ): Promise<InteractionOutcome> {
    const guildId = ctx.guildId === undefined ? (this.state.guilds[0]?.id ?? null) : ctx.guildId;
    if (!this.visibleCommands(ctx).includes(name) && this.#registered(name, guildId)) {
      return Promise.reject(new Error(`Discord does not show /${name} to this member (default_member_permissions)`));
    }
    return this.#send(2, ctx, { ...this.#commandData(name, subcommand, options, null) }, null);
  }

  /**
   * Names of the registered commands (global and the guild's) a member with `ctx.permissions` sees in
   * the command picker: no `default_member_permissions`, or every bit of it, or Administrator.
   */
  visibleCommands(ctx: InjectContext = {}): string[] {
    const guildId = ctx.guildId === undefined ? (this.state.guilds[0]?.id ?? null) : ctx.guildId;
    const perms = BigInt(ctx.permissions ?? ALL_PERMISSIONS);
    const registered = [
      ...this.state.commands.global,
      ...(guildId ? (this.state.commands.guild.get(guildId) ?? []) : []),
    ] as { name: string; default_member_permissions?: string | null; contexts?: number[] | null }[];
    return registered
      .filter((c) => guildId !== null || !c.contexts || c.contexts.includes(1))
      .filter((c) => {
        if (guildId === null || c.default_member_permissions == null) return true;
        const needed = BigInt(c.default_member_permissions);
        return (perms & ADMINISTRATOR) !== 0n || (perms & needed) === needed;
      })
      .map((c) => c.name);
  }

  #registered(name: string, guildId: string | null): boolean {
    const all = [...this.state.commands.global, ...(guildId ? (this.state.commands.guild.get(guildId) ?? []) : [])];
    return all.some((c) => (c as { name: string }).name === name);
  }

  /** An autocomplete request while typing option `focused` of `/name [subcommand]`. */
  autocomplete(
    name: string,
    subcommand: string | null,
    options: Record<string, OptionValue | undefined>,
    focused: string,
    ctx: InjectContext = {},
  ): Promise<InteractionOutcome> {
    return this.#send(4, ctx, this.#commandData(name, subcommand, options, focused), null);
  }

  /** A click on button `customId` under message `messageId` (the message must be in the emulator). */
  button(messageId: string, customId: string, ctx: InjectContext = {}): Promise<InteractionOutcome> {
    const message = [...this.state.messages.values()].flat().find((m) => m.id === messageId);
    if (!message) return Promise.reject(new Error(`no message ${messageId} in the emulator`));
    return this.#send(
      3,
      { ...ctx, channelId: message.channel_id },
      { custom_id: customId, component_type: 2 },
      message,
    );
  }

  /** A choice of `values` in the select menu `customId` under message `messageId`. */
  select(messageId: string, customId: string, values: string[], ctx: InjectContext = {}): Promise<InteractionOutcome> {
    const message = [...this.state.messages.values()].flat().find((m) => m.id === messageId);
    if (!message) return Promise.reject(new Error(`no message ${messageId} in the emulator`));
    return this.#send(
      3,
      { ...ctx, channelId: message.channel_id },
      { custom_id: customId, component_type: 3, values },
      message,
    );
  }

  /**
   * A submitted form (modal) `customId` with text inputs `fields` (custom id → value); from the
   * message `messageId` when given (the form was opened by a component on it).
   */
  modal(
    customId: string,
    fields: Record<string, string>,
    opts: { messageId?: string } & InjectContext = {},
  ): Promise<InteractionOutcome> {
    const message = opts.messageId
      ? [...this.state.messages.values()].flat().find((m) => m.id === opts.messageId)
      : undefined;
    if (opts.messageId && !message) return Promise.reject(new Error(`no message ${opts.messageId} in the emulator`));
    const components = Object.entries(fields).map(([id, value]) => ({
      type: 1,
      components: [{ type: 4, custom_id: id, value }],
    }));
    return this.#send(
      5,
      { ...opts, ...(message ? { channelId: message.channel_id } : {}) },
      { custom_id: customId, components },
      message ?? null,
    );
  }

  #commandData(
    name: string,
    subcommand: string | null,
    values: Record<string, OptionValue | undefined>,
    focused: string | null,
  ) {
    const options = Object.entries(values)
      .filter((e): e is [string, OptionValue] => e[1] !== undefined)
      .map(([n, value]) => ({
        name: n,
        type: optionType(value),
        value,
        ...(n === focused ? { focused: true, type: 3, value: String(value) } : {}),
      }));
    const registered = this.state.commands.global.find((c) => (c as { name: string }).name === name) as
      | { id: string }
      | undefined;
    return {
      id: registered?.id ?? snowflake(),
      name,
      type: 1,
      options: subcommand ? [{ name: subcommand, type: 1, options }] : options,
    };
  }

  #send(type: number, ctx: InjectContext, data: unknown, message: StoredMessage | null): Promise<InteractionOutcome> {
    const { state } = this;
    const guildId = ctx.guildId === undefined ? (state.guilds[0]?.id ?? null) : ctx.guildId;
    const channelId = ctx.channelId ?? state.guilds.find((g) => g.id === guildId)?.channels[0]?.id ?? snowflake();
    const id = snowflake();
    const token = `tok-${id}-${Math.random().toString(36).slice(2)}`;
    const record: InteractionRecord = {
      id,
      token,
      type,
      createdAt: Date.now(),
      channelId,
      callbacks: [],
      edits: [],
      followups: [],
      original: null,
      sourceMessageId: message?.id ?? null,
      answered: false,
      accepted: null,
      listeners: new Set(),
    };
    state.interactions.set(id, record);
    state.tokens.set(token, id);
    const payload = interactionPayload(state, { id, token, type, data, guildId, channelId, ctx, message });
    record.payload = payload;
    const outcome = new Promise<InteractionOutcome>((resolve, reject) => {
      const check = () => {
        const settled =
          record.answered &&
          (![5, 6].includes(lastAccepted(record)) || record.edits.length + record.followups.length > 0);
        if (!settled) return;
        clearTimeout(timer);
        record.listeners.delete(check);
        resolve(toOutcome(record));
      };
      const timer = setTimeout(() => {
        record.listeners.delete(check);
        reject(
          new Error(`interaction ${id} not answered in ${this.timeoutMs} ms: ${JSON.stringify(record.callbacks)}`),
        );
      }, this.timeoutMs);
      record.listeners.add(check);
    });
    this.gateway.dispatch("INTERACTION_CREATE", payload);
    return outcome;
  }
}

function lastAccepted(record: InteractionRecord): number {
  return record.accepted?.type ?? -1;
}

function toOutcome(record: InteractionRecord): InteractionOutcome {
  const accepted = lastAccepted(record);
  const data = record.accepted?.data as { choices?: InteractionOutcome["choices"] } | undefined;
  return {
    id: record.id,
    callbackType: accepted,
    callbacks: record.callbacks,
    edits: record.edits,
    followups: record.followups,
    get message() {
      return record.original;
    },
    get ephemeral() {
      return ((record.original?.flags ?? 0) & 64) === 64;
    },
    choices: accepted === 8 ? (data?.choices ?? []) : [],
    payload: record.payload,
  };
}
