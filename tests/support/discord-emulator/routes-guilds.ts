import { apiError, type Route } from "./route.js";
import { snowflake } from "./snowflake.js";

/** Guild and DM routes: read a guild (owner, system channel), open a DM channel. */
export const guildRoutes: Route[] = [
  {
    method: "GET",
    template: "/guilds/:guild",
    authenticated: true,
    major: "guild",
    handle(req) {
      const guild = req.state.guilds.find((g) => g.id === req.params.guild);
      if (!guild || req.state.removedGuilds.has(guild.id)) return apiError(404, 10004, "Unknown Guild");
      return {
        status: 200,
        body: {
          id: guild.id,
          name: guild.name,
          icon: null,
          owner_id: guild.ownerId ?? "100000000000000099",
          system_channel_id:
            guild.systemChannelId === undefined ? (guild.channels[0]?.id ?? null) : guild.systemChannelId,
          roles: [],
          emojis: [],
          features: [],
        },
      };
    },
  },
  {
    method: "POST",
    template: "/users/@me/channels",
    authenticated: true,
    handle(req) {
      const recipient = (req.body as { recipient_id?: unknown } | null)?.recipient_id;
      if (typeof recipient !== "string") return req.invalid(["recipient_id: expected a user id"]);
      let id = req.state.dmChannels.get(recipient);
      if (!id) {
        id = snowflake();
        req.state.dmChannels.set(recipient, id);
        req.state.channels.set(id, { id, name: "", type: 1, guild_id: "" });
      }
      const recipients = [{ id: recipient, username: "owner", discriminator: "0", avatar: null, global_name: null }];
      return { status: 200, body: { id, type: 1, last_message_id: null, recipients } };
    },
  },
];
