import { setTimeout as sleep } from "node:timers/promises";
/**
 * Even spacing at `perSecond`, and request k + cap goes only a full window after request k (and
 * every one before it) has settled.
 *
 * Why completion and not sending times: the server counts its window from when requests *arrive*,
 * which is somewhere between our send and its answer. A cold connection, a large upload or a pause
 * in either process delays one arrival more than the next, and a gate on sending times then lets
 * cap + 1 arrivals into one window (a 1,020 ms gate still gave 1–2 429s per 10,000 chart alerts).
 * Request k has arrived by the time it settles, and request k + cap arrives after it is sent, so
 * the two never share a window: no 429, whatever the latency, at a cost of one round trip per
 * window (~1% on loopback) instead of a fixed slack.
 */
export function createPacer(perSecond, options = {}) {
    const windowMs = options.windowMs ?? 1000;
    const now = options.now ?? (() => performance.now());
    const wait = options.wait ?? sleep;
    const cap = Math.max(1, Math.floor(options.cap ?? (perSecond * windowMs) / 1000));
    const gapMs = windowMs / perSecond;
    // When each of the last `cap` requests settled, by index modulo cap.
    const settled = [];
    let taken = 0;
    let lastSettled = Number.NEGATIVE_INFINITY;
    let next = 0;
    let tail = Promise.resolve();
    const turn = async () => {
        const slot = taken++ % cap;
        if (taken > cap) {
            // Settle times are kept as a running maximum: requests can settle out of order.
            lastSettled = Math.max(lastSettled, await settled[slot]);
        }
        for (;;) {
            const t = now();
            const at = Math.max(next, lastSettled + windowMs);
            if (at <= t)
                break;
            // Whole milliseconds, so a clock that counts whole milliseconds reaches `at`.
            await wait(Math.ceil(at - t));
        }
        const t = now();
        // Late timers are caught up (the schedule is absolute) for up to a tenth of the window, so the
        // rate does not drift down; after a longer pause the schedule starts afresh. The settle gate
        // keeps a catch-up burst within the limit.
        next = Math.max(next, t - windowMs / 10) + gapMs;
        let settle;
        settled[slot] = new Promise((resolve) => {
            settle = resolve;
        });
        return settle;
    };
    return {
        async run(send) {
            // One taker at a time, in arrival order.
            const granted = tail.then(turn);
            tail = granted;
            const settle = await granted;
            try {
                return await send();
            }
            finally {
                settle(now());
            }
        },
    };
}
//# sourceMappingURL=global-pacer.js.map