import { fitReply } from "../../commands/limits.js";
import { toApiComponents, toApiEmbed } from "../discord/api-message.js";
import type { Reply } from "../domain/reply.js";

const EPHEMERAL = 64;

/**
 * A Reply as Discord's message data (interaction response `data`), fitted to Discord's limits,
 * files listed as attachments, mentions off (replies quote user input and vendor text).
 */
export function replyMessageData(original: Reply): Record<string, unknown> {
  const reply = fitReply(original);
  const data: Record<string, unknown> = { allowed_mentions: { parse: [] } };
  if (reply.content) data.content = reply.content;
  else if (!reply.embeds?.length && !reply.files?.length) data.content = "Nothing to show.";
  data.embeds = (reply.embeds ?? []).map(toApiEmbed);
  data.components = toApiComponents(reply);
  if (reply.files?.length) {
    data.attachments = reply.files.map((f, id) => ({ id, filename: f.name, description: f.description }));
  }
  if (reply.ephemeral) data.flags = EPHEMERAL;
  return data;
}

/** JSON, or multipart/form-data with `payload_json` and `files[n]` when the reply carries files. */
async function encode(payload: unknown, reply: Reply): Promise<{ contentType: string; body: Buffer }> {
  const json = JSON.stringify(payload);
  if (!reply.files?.length) return { contentType: "application/json", body: Buffer.from(json) };
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

/**
 * An HTTP interaction response body: JSON, or multipart/form-data (built by the platform's
 * FormData) when the reply carries files.
 */
export async function interactionResponse(
  type: number,
  original: Reply,
): Promise<{ contentType: string; body: Buffer }> {
  const reply = fitReply(original);
  return encode({ type, data: replyMessageData(reply) }, reply);
}

/** A message body for the interaction webhook (the answer to a deferred interaction). */
export async function webhookMessage(original: Reply): Promise<{ contentType: string; body: Buffer }> {
  const reply = fitReply(original);
  return encode(replyMessageData(reply), reply);
}
