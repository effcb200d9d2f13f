import { randomBytes } from "node:crypto";
import { fitReply } from "../../commands/limits.js";
import type { Reply, ReplyButton } from "../domain/reply.js";

const BUTTON_STYLES: Record<ReplyButton["style"], number> = {
  primary: 1,
  secondary: 2,
  success: 3,
  danger: 4,
  link: 5,
};
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
  data.embeds = (reply.embeds ?? []).map((e) => ({
    title: e.title,
    description: e.description,
    url: e.url,
    color: e.color,
    fields: e.fields,
    footer: e.footer ? { text: e.footer } : undefined,
    timestamp: e.timestamp,
    image: e.imageUrl ? { url: e.imageUrl } : undefined,
  }));
  data.components = (reply.buttons ?? []).map((row) => ({
    type: 1,
    components: row.map((b) => ({
      type: 2,
      style: BUTTON_STYLES[b.style],
      label: b.label,
      custom_id: b.style === "link" ? undefined : (b.customId ?? `outage:noop:${b.label}`),
      url: b.style === "link" ? (b.url ?? "https://discord.com") : undefined,
      disabled: b.disabled ?? false,
    })),
  }));
  if (reply.files?.length) {
    data.attachments = reply.files.map((f, id) => ({ id, filename: f.name, description: f.description }));
  }
  if (reply.ephemeral) data.flags = EPHEMERAL;
  return data;
}

/** An HTTP interaction response body: JSON, or multipart/form-data when the reply carries files. */
export function interactionResponse(type: number, original: Reply): { contentType: string; body: Buffer } {
  const reply = fitReply(original);
  const json = JSON.stringify({ type, data: replyMessageData(reply) });
  if (!reply.files?.length) return { contentType: "application/json", body: Buffer.from(json) };
  const boundary = `outage-bot-${randomBytes(12).toString("hex")}`;
  const parts: Buffer[] = [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="payload_json"\r\nContent-Type: application/json\r\n\r\n${json}\r\n`,
    ),
  ];
  reply.files.forEach((file, i) => {
    const filename = file.name.replace(/["\r\n\\]/g, "_");
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files[${i}]"; filename="${filename}"\r\nContent-Type: ${file.contentType}\r\n\r\n`,
      ),
      Buffer.from(file.data),
      Buffer.from("\r\n"),
    );
  });
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { contentType: `multipart/form-data; boundary=${boundary}`, body: Buffer.concat(parts) };
}
