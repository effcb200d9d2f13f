import { AttachmentBuilder, MessageFlags } from "discord.js";
import type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed } from "discord-api-types/v10";
import { fitReply } from "../../commands/limits.js";
import type { Reply } from "../domain/reply.js";
import { toApiComponents, toApiEmbed } from "./api-message.js";

/** A Reply as discord.js message options (reply, editReply, update, channel.send all take it). */
export interface RenderedReply {
  content: string;
  embeds: APIEmbed[];
  files: AttachmentBuilder[];
  components: APIActionRowComponent<APIComponentInMessageActionRow>[];
  /** Pings nobody unless a caller opts in: outage text quotes user input and vendor text. */
  allowedMentions: { parse: [] };
  /** Replaces attachments of an edited message with `files` instead of adding to them. */
  attachments: [];
}

/** Reply options with the ephemeral flag, for the first answer to an interaction. */
export type RenderedFirstReply = RenderedReply & { flags?: MessageFlags.Ephemeral };

/**
 * Renders a Reply for discord.js, fitted to Discord's limits first (the handlers fit their replies
 * too; this is the last line, so nothing Discord would reject leaves the process).
 */
export function renderReply(reply: Reply): RenderedReply {
  const fitted = fitReply(reply);
  const rendered: RenderedReply = {
    content: fitted.content ?? "",
    embeds: (fitted.embeds ?? []).map(toApiEmbed),
    files: (fitted.files ?? []).map(
      (f) => new AttachmentBuilder(Buffer.from(f.data), { name: f.name, description: f.description }),
    ),
    components: toApiComponents(fitted),
    allowedMentions: { parse: [] },
    attachments: [],
  };
  if (!rendered.content && rendered.embeds.length === 0 && rendered.files.length === 0) {
    // Discord refuses an empty message; say so rather than fail the interaction.
    rendered.content = "Nothing to show.";
  }
  return rendered;
}

/** Renders the first answer to an interaction, ephemeral when the Reply says so. */
export function renderFirstReply(reply: Reply): RenderedFirstReply {
  return { ...renderReply(reply), ...(reply.ephemeral ? { flags: MessageFlags.Ephemeral } : {}) };
}
