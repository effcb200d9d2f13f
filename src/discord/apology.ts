import { randomBytes } from "node:crypto";
import type { Reply } from "../domain/reply.js";

/** A short id that ties an apology a user sees to the log line with the error. */
export function newErrorId(): string {
  return randomBytes(4).toString("hex");
}

/** The ephemeral answer when something failed on our side: says what to do, with the error id. */
export function apologyReply(errorId: string): Reply {
  return {
    content: `Sorry, something went wrong on our side (error id \`${errorId}\`). Please try again in a minute.`,
    ephemeral: true,
  };
}

/** Runs a handler and turns a throw into an apology, so every interaction gets an answer. */
export async function settle(
  run: () => Promise<Reply>,
  onError: (error: unknown, errorId: string) => void,
): Promise<{ reply: Reply; failed: boolean }> {
  try {
    return { reply: await run(), failed: false };
  } catch (error) {
    const errorId = newErrorId();
    onError(error, errorId);
    return { reply: apologyReply(errorId), failed: true };
  }
}
