import { createHash } from "node:crypto";
import { backoffDelay, DEFAULT_ALERT_RULES } from "./alert-rules.js";
import { composeAlert } from "./compose-alert.js";
import { createGroupWriter } from "./group-writer.js";
import { matchSubscriptions } from "./match-subscriptions.js";
import { nextSend } from "./next-send.js";
import { planThread } from "./plan-thread.js";
/** Discord accepts nonces of at most 25 characters; derive one per thread version. */
function nonceFor(threadId, version) {
    return createHash("sha256").update(`${threadId}#${version}`).digest("base64url").slice(0, 25);
}
/** Threads written per store call when an event changes many channels at once. */
const WRITE_CHUNK = 500;
async function runPool(items, limit, work, signal) {
    let next = 0;
    const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
        while (next < items.length && !signal?.aborted) {
            const item = items[next++];
            await work(item);
        }
    });
    await Promise.all(workers);
}
/** Build the alert engine over its repositories and sender. */
export function createAlertEngine(options) {
    const rules = options.rules ?? DEFAULT_ALERT_RULES;
    const { subscriptions, threads, catalog, board, sender, now, logger } = options;
    const concurrency = options.concurrency ?? 64;
    const notifiedGuilds = new Set();
    // Delivery records go through a group writer: each send still waits for its own record, but
    // concurrent sends share one store write (and one index update) per batch.
    const writer = createGroupWriter(async (batch) => {
        await threads.saveProgress(batch.filter((b) => b.sameState).map((b) => b.thread));
        await threads.putMany(batch.filter((b) => !b.sameState).map((b) => b.thread));
    });
    // Threads come from the active index; one still active needs no index update.
    const save = (thread) => writer.write({ thread, sameState: thread.state === "active" });
    async function handle(event) {
        const service = catalog.get(event.incident.serviceId);
        const subs = matchSubscriptions(await subscriptions.list(), event.incident, service?.category);
        const channels = [...new Set(subs.map((s) => s.channelId))];
        const latest = await threads.latestForMany(event.incident.serviceId, channels);
        // Several subscriptions of one channel (a service and `all`) share the channel's thread.
        const current = new Map(channels.map((c, i) => [c, latest[i]]));
        const changed = new Map();
        for (const sub of subs) {
            const plan = planThread(current.get(sub.channelId), event, sub, now(), rules);
            if (plan.thread === null) {
                logger.debug({ channelId: sub.channelId, incidentId: event.incident.id, why: plan.skipped }, "alert skipped");
                continue;
            }
            if (plan.changed) {
                current.set(sub.channelId, plan.thread);
                changed.set(plan.thread.id, plan.thread);
            }
        }
        // Threads that follow this incident but whose subscription no longer matches (level fell
        // below the minimum) still hear of the resolution.
        if (event.kind === "resolved") {
            const matched = new Set(channels);
            for (const thread of await threads.listActive()) {
                if (!thread.openIncidentIds.includes(event.incident.id))
                    continue;
                if (matched.has(thread.channelId) || changed.has(thread.id))
                    continue;
                const sub = await subscriptions.get(thread.subscriptionId);
                if (!sub)
                    continue;
                const plan = planThread(thread, event, sub, now(), rules);
                if (plan.thread && plan.changed)
                    changed.set(plan.thread.id, plan.thread);
            }
        }
        const all = [...changed.values()];
        for (let i = 0; i < all.length; i += WRITE_CHUNK)
            await threads.putMany(all.slice(i, i + WRITE_CHUNK));
        return all.length;
    }
    async function pause(thread, result) {
        const reason = result.kind === "gone"
            ? `the channel is gone (${result.detail})`
            : `missing permission in <#${thread.channelId}> (${result.detail})`;
        const paused = await subscriptions.pauseChannel(thread.channelId, reason, now());
        if (paused.length > 0 && !notifiedGuilds.has(`${thread.guildId}:${thread.channelId}`)) {
            notifiedGuilds.add(`${thread.guildId}:${thread.channelId}`);
            const text = `outage-bot paused ${paused.length} alert subscription(s) for <#${thread.channelId}>: ${reason}. Fix it, then run /outage-alerts subscribe again.`;
            await sender.notifyAdmins(thread.guildId, text).catch((error) => {
                logger.warn({ err: error, channelId: thread.channelId }, "could not tell the admins about a paused subscription");
            });
        }
    }
    async function deliver(thread, stats, statusOf) {
        const decision = nextSend(thread, rules);
        if (decision.action === "none")
            return;
        if (decision.action === "close") {
            await save({ ...thread, state: "done" });
            stats.closed++;
            return;
        }
        if (decision.dueAt > now()) {
            stats.waiting++;
            return;
        }
        const service = catalog.get(thread.serviceId);
        if (!service) {
            await save({ ...thread, state: "dead", lastError: "service no longer in the catalog" });
            return;
        }
        const kind = decision.action === "edit" && thread.messageId !== null ? "edit" : "post";
        const pending = thread.pending ?? { version: decision.version, nonce: nonceFor(thread.id, decision.version), kind };
        // The delivery record goes to the store before the request: a crash after Discord accepted
        // the message repeats the create with the same nonce, which Discord answers with the same message.
        const before = { ...thread, pending };
        await save(before);
        const { status, chart } = await statusOf(thread.serviceId);
        const message = composeAlert(thread, service, status, chart);
        const result = pending.kind === "edit" && thread.messageId !== null
            ? await sender.edit(thread.channelId, thread.messageId, message)
            : await sender.post(thread.channelId, message, pending.nonce);
        if (result.ok) {
            const after = {
                ...before,
                messageId: result.messageId,
                pending: null,
                sentVersion: pending.version,
                lastSentAt: now(),
                sentLevel: thread.level,
                sentPeakPerMinute: thread.peakPerMinute,
                attempts: 0,
                notBefore: 0,
                lastError: null,
            };
            const done = after.resolvedAt !== null && after.sentVersion >= after.desiredVersion;
            await save(done ? { ...after, state: "done" } : after);
            stats.sent++;
            options.onSent?.(after);
            return;
        }
        stats.failed++;
        options.onFailed?.(thread, result.kind, result.detail);
        switch (result.kind) {
            case "message_gone":
                await save({ ...before, messageId: null, pending: null });
                return;
            case "retry": {
                const attempts = thread.attempts + 1;
                if (attempts >= rules.maxAttempts) {
                    await save({
                        ...before,
                        attempts,
                        state: "dead",
                        lastError: `gave up after ${attempts} tries: ${result.detail}`,
                    });
                    logger.error({ threadId: thread.id, reason: result.detail }, "alert moved to dead letters");
                    return;
                }
                const wait = Math.max(result.retryAfterMs ?? 0, backoffDelay(attempts, rules));
                await save({ ...before, attempts, notBefore: now() + wait, lastError: result.detail });
                return;
            }
            case "gone":
            case "forbidden":
                await save({ ...before, pending: null, state: "dead", lastError: result.detail });
                await pause(thread, result);
                return;
            case "rejected":
                await save({
                    ...before,
                    pending: null,
                    state: "dead",
                    lastError: `Discord refused it: ${result.detail}`,
                });
                logger.error({ threadId: thread.id, reason: result.detail }, "alert refused by Discord; moved to dead letters");
                return;
        }
    }
    async function viewOf(serviceId) {
        const at = now();
        const status = await board.status(serviceId, at).catch(() => null);
        if (!status || !options.chart)
            return { status, chart: null };
        const chart = await options.chart(status, at).catch((error) => {
            logger.warn({ err: error, serviceId }, "alert chart failed; sending without it");
            return null;
        });
        return { status, chart };
    }
    async function deliverDue(signal) {
        const stats = { sent: 0, failed: 0, waiting: 0, closed: 0 };
        const active = await threads.listActive();
        // One status report and one chart per service per pass, not one per channel.
        const statuses = new Map();
        const statusOf = (serviceId) => {
            let view = statuses.get(serviceId);
            if (!view) {
                view = viewOf(serviceId);
                statuses.set(serviceId, view);
            }
            return view;
        };
        await runPool(active, concurrency, async (thread) => {
            try {
                await deliver(thread, stats, statusOf);
            }
            catch (error) {
                stats.failed++;
                options.onFailed?.(thread, "error", error instanceof Error ? error.message : String(error));
                logger.error({ err: error, threadId: thread.id }, "alert delivery failed");
            }
        }, signal);
        return stats;
    }
    async function nextDueAt() {
        let earliest = null;
        for (const thread of await threads.listActive()) {
            const decision = nextSend(thread, rules);
            if (decision.action === "none")
                continue;
            const at = decision.action === "close" ? 0 : decision.dueAt;
            earliest = earliest === null ? at : Math.min(earliest, at);
        }
        return earliest;
    }
    return { handle, deliverDue, nextDueAt };
}
//# sourceMappingURL=alert-engine.js.map