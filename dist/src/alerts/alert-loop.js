/** Start the loop; its first pass recovers pending sends at once. */
export function startAlertLoop(options) {
    const { engine, now, logger } = options;
    const maxSleepMs = options.maxSleepMs ?? 30_000;
    const stopping = new AbortController();
    let chain = Promise.resolve();
    let timer;
    /** Wake up for another pass after `wait` ms, replacing any earlier wake-up. */
    const arm = (wait) => {
        clearTimeout(timer);
        timer = setTimeout(() => void enqueue(async () => { }), wait);
        timer.unref();
    };
    const schedule = async () => {
        if (stopping.signal.aborted)
            return;
        const due = await engine.nextDueAt();
        arm(due === null ? maxSleepMs : Math.min(maxSleepMs, Math.max(50, due - now())));
    };
    const enqueue = (work) => {
        chain = chain
            .then(async () => {
            // Recording events is quick and store-only: it happens even while stopping, so nothing
            // the aggregator emitted is lost; the sends wait for the next start.
            await work();
            if (stopping.signal.aborted)
                return;
            const stats = await engine.deliverDue(stopping.signal);
            if (stats.sent + stats.failed > 0)
                logger.info(stats, "alert delivery pass");
            await schedule();
        })
            .catch((error) => {
            logger.error({ err: error }, "alert loop pass failed");
            // A failed pass (the store down, say) must not leave retries waiting for the next event.
            if (!stopping.signal.aborted)
                arm(maxSleepMs);
        });
        return chain;
    };
    void enqueue(async () => { });
    return {
        push: (events) => enqueue(async () => {
            for (const event of events)
                await engine.handle(event);
        }),
        kick: () => enqueue(async () => { }),
        async stop() {
            stopping.abort();
            clearTimeout(timer);
            await chain;
        },
    };
}
//# sourceMappingURL=alert-loop.js.map