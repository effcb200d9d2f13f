const REAL_TIMERS = {
    setTimeout: (run, ms) => setTimeout(run, ms),
    clearTimeout: (handle) => clearTimeout(handle),
};
/**
 * Runs the steps in order within one deadline. A step that fails is logged and the next one runs
 * (a failed Discord close must not skip the final save); a step still running at the deadline is
 * left behind with a log line naming it, and the steps after it are skipped.
 */
export async function stopWithDeadline(steps, options) {
    const { timeoutMs, logger } = options;
    const timers = options.timers ?? REAL_TIMERS;
    let current = null;
    let handle;
    const deadline = new Promise((resolve) => {
        handle = timers.setTimeout(() => resolve("deadline"), timeoutMs);
    });
    const failed = [];
    const all = (async () => {
        for (const step of steps) {
            current = step.name;
            try {
                await step.run();
            }
            catch (error) {
                failed.push(step.name);
                logger.error({ err: error, step: step.name }, "shutdown step failed");
            }
        }
        current = null;
        return "done";
    })();
    const how = await Promise.race([all, deadline]);
    timers.clearTimeout(handle);
    if (how === "deadline") {
        const skipped = steps.slice(steps.findIndex((s) => s.name === current) + 1).map((s) => s.name);
        logger.error({ step: current, timeoutMs, skipped }, `shutdown cut at the deadline: "${current}" did not finish`);
        return { ok: false, cut: current, failed };
    }
    return { ok: failed.length === 0, cut: null, failed };
}
/** The exit code of a shutdown: 0 only when everything finished and was saved. */
export function stopExitCode(outcome) {
    return outcome.ok ? 0 : 1;
}
//# sourceMappingURL=stop-with-deadline.js.map