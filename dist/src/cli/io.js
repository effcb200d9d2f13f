/** Aborted on SIGINT or SIGTERM (which then no longer end the process by themselves). */
export function processStop() {
    const controller = new AbortController();
    const stop = () => controller.abort();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    return controller.signal;
}
/** Fills what a caller left out with the process's own streams, environment, clock and signals. */
export function withProcessDefaults(io) {
    return {
        env: io.env ?? process.env,
        stdout: io.stdout ?? process.stdout,
        stderr: io.stderr ?? process.stderr,
        stdin: io.stdin ?? process.stdin,
        now: io.now ?? (() => Date.now()),
        ...(io.stop ? { stop: io.stop } : {}),
    };
}
/** A mistake in how the command was typed; exits with code 2 and a pointer to `help`. */
export class UsageError extends Error {
    name = "UsageError";
}
//# sourceMappingURL=io.js.map