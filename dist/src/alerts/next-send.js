/**
 * Decide the next send for a thread (pure). A pending send is always repeated first, as the same
 * kind with the same nonce. A plain update waits for the edit cooldown; a level change or the
 * resolution goes out at once. A resolution the subscription does not want closes the thread quietly.
 */
export function nextSend(thread, rules) {
    if (thread.state !== "active")
        return { action: "none", reason: thread.state };
    if (thread.pending)
        return { action: thread.pending.kind, dueAt: thread.notBefore, version: thread.pending.version };
    if (thread.desiredVersion <= thread.sentVersion) {
        return thread.resolvedAt !== null
            ? { action: "close", reason: "resolution delivered" }
            : { action: "none", reason: "up to date" };
    }
    if (thread.resolvedAt !== null && !thread.sendResolution) {
        return { action: "close", reason: "resolution not wanted" };
    }
    if (thread.messageId === null || thread.mode === "post") {
        return { action: "post", dueAt: thread.notBefore, version: thread.desiredVersion };
    }
    const urgent = thread.resolvedAt !== null || thread.level !== thread.sentLevel;
    const cooldownEnds = (thread.lastSentAt ?? 0) + rules.editCooldownMs;
    return {
        action: "edit",
        dueAt: Math.max(thread.notBefore, urgent ? 0 : cooldownEnds),
        version: thread.desiredVersion,
    };
}
//# sourceMappingURL=next-send.js.map