import type { InjectContext } from "./injector.js";
import type { EmulatorState, StoredMessage } from "./state.js";

/** Every permission bit: the default member of an injected interaction. */
export const ALL_PERMISSIONS = "2251799813685247";

/** What an INTERACTION_CREATE dispatch is built from. */
export interface PayloadInput {
  id: string;
  token: string;
  type: number;
  data: unknown;
  guildId: string | null;
  channelId: string;
  ctx: InjectContext;
  message: StoredMessage | null;
}

/** An INTERACTION_CREATE payload as Discord sends it (guild member or DM user). */
export function interactionPayload(state: EmulatorState, p: PayloadInput) {
  const guild = state.guilds.find((g) => g.id === p.guildId);
  const user = {
    id: p.ctx.user?.id ?? "100000000000000001",
    username: p.ctx.user?.username ?? "tester",
    discriminator: "0",
    global_name: null,
    avatar: null,
  };
  const member = {
    user,
    roles: [],
    permissions: p.ctx.permissions ?? ALL_PERMISSIONS,
    joined_at: new Date(0).toISOString(),
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    nick: null,
    avatar: null,
    premium_since: null,
  };
  const channelName = state.channels.get(p.channelId)?.name ?? "general";
  return {
    id: p.id,
    application_id: state.appId,
    type: p.type,
    data: p.data,
    token: p.token,
    version: 1,
    locale: p.ctx.locale ?? "en-US",
    channel_id: p.channelId,
    channel: p.guildId
      ? { id: p.channelId, type: 0, guild_id: p.guildId, name: channelName }
      : { id: p.channelId, type: 1 },
    ...(p.guildId ? { guild_id: p.guildId, guild_locale: "en-US", member } : { user }),
    app_permissions: guild?.botPermissions ?? ALL_PERMISSIONS,
    entitlements: [],
    authorizing_integration_owners: p.guildId ? { "0": p.guildId } : { "1": user.id },
    context: p.guildId ? 0 : 1,
    attachment_size_limit: 10_485_760,
    ...(p.message ? { message: p.message } : {}),
  };
}
