import { AttachmentBuilder, MessageFlags } from "discord.js";
import { fitReply } from "../../commands/limits.js";
import { toApiComponents, toApiEmbed } from "./api-message.js";
/**
 * Renders a Reply for discord.js, fitted to Discord's limits first (the handlers fit their replies
 * too; this is the last line, so nothing Discord would reject leaves the process).
 */
export function renderReply(reply) {
    const fitted = fitReply(reply);
    const rendered = {
        content: fitted.content ?? "",
        embeds: (fitted.embeds ?? []).map(toApiEmbed),
        files: (fitted.files ?? []).map((f) => new AttachmentBuilder(Buffer.from(f.data), { name: f.name, description: f.description })),
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
export function renderFirstReply(reply) {
    return { ...renderReply(reply), ...(reply.ephemeral ? { flags: MessageFlags.Ephemeral } : {}) };
}
//# sourceMappingURL=render-reply.js.map