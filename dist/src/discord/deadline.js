/** Discord's window for the first response to an interaction, over the gateway or HTTP alike. */
export const INTERACTION_WINDOW_MS = 3000;
/** Time kept in hand for a first response to travel to Discord and be accepted. */
export const DEADLINE_MARGIN_MS = 300;
/**
 * Most of the window that the interaction's age at receipt may take. Beyond it, the local clock is
 * more likely off than the gateway that slow (or the ids are not real snowflakes), and trusting the
 * age would leave no time at all.
 */
export const MAX_TRUSTED_AGE_MS = 1000;
/**
 * When the first response to an interaction is due, in wall-clock ms: a window from when Discord
 * created it (its snowflake), so gateway lag is spent too. The age at receipt counts only between 0
 * and MAX_TRUSTED_AGE_MS, so a skewed local clock can neither stretch the window nor void it.
 */
export function interactionDeadline(createdAt, receivedAt, windowMs = INTERACTION_WINDOW_MS) {
    const age = Math.min(Math.max(receivedAt - createdAt, 0), MAX_TRUSTED_AGE_MS);
    return receivedAt - age + windowMs;
}
/**
 * After a first response was refused with `retryAfterMs`: wait and send it again when that still
 * lands before the deadline; otherwise acknowledge now with a deferral (a small response; the
 * answer then goes in through the follow-up webhook, which has 15 minutes); when the deferral itself
 * was refused and cannot wait, give up (the caller logs the missed window).
 */
export function afterRefusal(opts) {
    const margin = opts.marginMs ?? DEADLINE_MARGIN_MS;
    if (opts.now + opts.retryAfterMs + margin <= opts.deadline)
        return { action: "wait", ms: opts.retryAfterMs };
    return opts.deferring ? { action: "give-up" } : { action: "defer" };
}
/** How long to let the handler work before deferring: `deferAfterMs`, but never past the margin. */
export function deferDelay(opts) {
    const margin = opts.marginMs ?? DEADLINE_MARGIN_MS;
    return Math.max(0, Math.min(opts.deferAfterMs, opts.deadline - margin - opts.now));
}
//# sourceMappingURL=deadline.js.map