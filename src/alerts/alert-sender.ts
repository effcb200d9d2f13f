import type { AlertMessage } from "./compose-alert.js";

/** Why a send failed, in the terms the engine acts on. */
export type SendFailureKind =
  /** Channel deleted or guild gone: stop for good. */
  | "gone"
  /** The bot lost access or a permission there: pause and tell the admins. */
  | "forbidden"
  /** The message to edit was deleted: post a new one. */
  | "message_gone"
  /** 5xx, network, rate limit: try again later. */
  | "retry"
  /** Discord refused the payload: retrying cannot help. */
  | "rejected";

export type SendResult =
  | { ok: true; messageId: string }
  | { ok: false; kind: SendFailureKind; detail: string; retryAfterMs?: number };

/** Delivers alert messages; the Discord implementation rides on discord.js's REST client. */
export interface AlertSender {
  post(channelId: string, message: AlertMessage, nonce: string): Promise<SendResult>;
  edit(channelId: string, messageId: string, message: AlertMessage): Promise<SendResult>;
  /** Tell a guild's admins once that its alerts stopped, and why. */
  notifyAdmins(guildId: string, text: string): Promise<void>;
}
