import type * as Api from "discord-api-types/v10";

// The few enum values of discord-api-types the command definitions and parser use. Importing that
// package at run time loads all of it (~80 ms of a CLI call, the whole budget of `outage-bot ask`)
// for a dozen numbers; the types below check each number against it at compile time.

/** The members `K` of the enum `E`, each typed as that very member. */
type Members<E, K extends keyof E> = { readonly [M in K]: E[M] };

export const ApplicationCommandOptionType: Members<
  typeof Api.ApplicationCommandOptionType,
  keyof typeof Api.ApplicationCommandOptionType
> = {
  Subcommand: 1,
  SubcommandGroup: 2,
  String: 3,
  Integer: 4,
  Boolean: 5,
  User: 6,
  Channel: 7,
  Role: 8,
  Mentionable: 9,
  Number: 10,
  Attachment: 11,
};

export const ApplicationCommandType: Members<typeof Api.ApplicationCommandType, "ChatInput"> = { ChatInput: 1 };

export const ApplicationIntegrationType: Members<typeof Api.ApplicationIntegrationType, "GuildInstall"> = {
  GuildInstall: 0,
};

export const InteractionContextType: Members<typeof Api.InteractionContextType, "Guild" | "BotDM"> = {
  Guild: 0,
  BotDM: 1,
};

export const ChannelType: Members<
  typeof Api.ChannelType,
  "GuildText" | "GuildAnnouncement" | "AnnouncementThread" | "PublicThread" | "PrivateThread"
> = { GuildText: 0, GuildAnnouncement: 5, AnnouncementThread: 10, PublicThread: 11, PrivateThread: 12 };

/** Permission bits are bigints, which types cannot check: tests/commands/discord-api.test.ts compares them. */
export const PermissionFlagsBits: Pick<typeof Api.PermissionFlagsBits, "ManageChannels"> = { ManageChannels: 1n << 4n };
