import { fitReply } from "../../commands/limits.js";
import { toApiComponents, toApiEmbed } from "../discord/api-message.js";
const EPHEMERAL = 64;
/**
 * A Reply as Discord's message data (interaction response `data`), fitted to Discord's limits,
 * files listed as attachments, mentions off (replies quote user input and vendor text).
 */
export function replyMessageData(original) {
    const reply = fitReply(original);
    const data = { allowed_mentions: { parse: [] } };
    if (reply.content)
        data.content = reply.content;
    else if (!reply.embeds?.length && !reply.files?.length)
        data.content = "Nothing to show.";
    data.embeds = (reply.embeds ?? []).map(toApiEmbed);
    data.components = toApiComponents(reply);
    if (reply.files?.length) {
        data.attachments = reply.files.map((f, id) => ({ id, filename: f.name, description: f.description }));
    }
    if (reply.ephemeral)
        data.flags = EPHEMERAL;
    return data;
}
/**
 * An HTTP interaction response body: JSON, or multipart/form-data (built by the platform's
 * FormData) when the reply carries files.
 */
export async function interactionResponse(type, original) {
    const reply = fitReply(original);
    const json = JSON.stringify({ type, data: replyMessageData(reply) });
    if (!reply.files?.length)
        return { contentType: "application/json", body: Buffer.from(json) };
    const form = new FormData();
    form.append("payload_json", json);
    reply.files.forEach((file, i) => {
        form.append(`files[${i}]`, new Blob([file.data], { type: file.contentType }), file.name);
    });
    const encoded = new Response(form);
    return {
        contentType: encoded.headers.get("content-type") ?? "multipart/form-data",
        body: Buffer.from(await encoded.arrayBuffer()),
    };
}
//# sourceMappingURL=reply-payload.js.map