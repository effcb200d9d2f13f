import { randomBytes } from "node:crypto";
import type { Reply } from "../src/domain/reply.js";
import type { CommandLogger } from "./context.js";
import { isUserError, type UserError } from "./errors.js";

/**
 * The one place an error becomes an answer, for every transport: a UserError as it is, anything
 * else logged with a short id and apologised for with the same id.
 */

/** How a command ended, as metrics and logs count it. */
export type Outcome = "ok" | "user_error" | "error";

/** A short id that ties the apology a person sees to the log line with the error. */
export function newErrorId(): string {
  return randomBytes(4).toString("hex");
}

/** The private answer when something failed on our side: says what to do, with the error id. */
export function apologyReply(errorId: string): Reply {
  return {
    content: `Something went wrong on my side (error id \`${errorId}\`). Please try again in a moment; if it keeps happening, tell the bot's admins this id.`,
    ephemeral: true,
    data: { error: "internal", errorId },
  };
}

/** A private answer for an error the person can act on. */
export function userErrorReply(error: UserError): Reply {
  return {
    content: `⚠️ ${error.message}`,
    ephemeral: true,
    data: { error: error.message, suggestions: error.suggestions },
  };
}

/** Answers anything thrown: UserErrors as they are, the rest logged and apologised for with an id. */
export function failureReply(error: unknown, log: CommandLogger | undefined, where: Record<string, unknown>): Reply {
  if (isUserError(error)) return userErrorReply(error);
  const errorId = newErrorId();
  try {
    log?.error({ err: error, errorId, ...where }, "command handler failed");
  } catch {
    // A broken logger must not leave the interaction unanswered.
  }
  return apologyReply(errorId);
}

/** How a reply made by this module (or a handler's own answer) counts. */
export function outcomeOf(reply: Reply): Outcome {
  const error = (reply.data as { error?: unknown } | undefined)?.error;
  if (error === "internal") return "error";
  return typeof error === "string" ? "user_error" : "ok";
}
