import { randomBytes } from "node:crypto";
/** A short id that ties an apology a user sees to the log line with the error. */
export function newErrorId() {
    return randomBytes(4).toString("hex");
}
/** The ephemeral answer when something failed on our side: says what to do, with the error id. */
export function apologyReply(errorId) {
    return {
        content: `Sorry, something went wrong on our side (error id \`${errorId}\`). Please try again in a minute.`,
        ephemeral: true,
    };
}
/** Runs a handler and turns a throw into an apology, so every interaction gets an answer. */
export async function settle(run, onError) {
    try {
        return { reply: await run(), failed: false };
    }
    catch (error) {
        const errorId = newErrorId();
        onError(error, errorId);
        return { reply: apologyReply(errorId), failed: true };
    }
}
//# sourceMappingURL=apology.js.map