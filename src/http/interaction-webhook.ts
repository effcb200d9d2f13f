import type { Reply } from "../domain/reply.js";
import { webhookMessage } from "./reply-payload.js";

/** Discord's API base when DISCORD_API_URL is not set. */
export const DISCORD_API = "https://discord.com/api";

/** Where a deferred interaction's answer goes: the interaction webhook (15 minutes; no bot token needed). */
export interface InteractionWebhook {
  apiUrl: string;
  applicationId: string;
  token: string;
}

async function call(url: string, init: RequestInit): Promise<void> {
  const res = await fetch(url, init);
  if (!res.ok) throw new Error(`Discord answered ${res.status} to ${init.method} on the interaction webhook`);
}

function base(hook: InteractionWebhook): string {
  return `${hook.apiUrl.replace(/\/$/, "")}/v10/webhooks/${hook.applicationId}/${hook.token}`;
}

/** Edits the interaction's original response (after a deferral: the "thinking…" or the component's message). */
export async function editOriginal(hook: InteractionWebhook, reply: Reply): Promise<void> {
  const { contentType, body } = await webhookMessage(reply);
  await call(`${base(hook)}/messages/@original`, { method: "PATCH", headers: { "content-type": contentType }, body });
}

/** Removes a deferred response's "thinking…". */
export async function deleteOriginal(hook: InteractionWebhook): Promise<void> {
  await call(`${base(hook)}/messages/@original`, { method: "DELETE" });
}

/** A further message (private when the reply is ephemeral). */
export async function followUp(hook: InteractionWebhook, reply: Reply): Promise<void> {
  const { contentType, body } = await webhookMessage(reply);
  await call(base(hook), { method: "POST", headers: { "content-type": contentType }, body });
}
