import type { Logger } from "pino";

/** One named part of a shutdown (final save, Discord connection, HTTP server, store, …). */
export interface StopStep {
  name: string;
  run: () => Promise<void>;
}

/** How a shutdown ended: `ok` when every step finished without error; `cut` names the step the deadline stopped. */
export interface StopOutcome {
  ok: boolean;
  cut: string | null;
  failed: string[];
}

/** Timers the deadline runs on; tests pass fake ones. */
export interface StopTimers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const REAL_TIMERS: StopTimers = {
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Runs the steps in order within one deadline. A step that fails is logged and the next one runs
 * (a failed Discord close must not skip the final save); a step still running at the deadline is
 * left behind with a log line naming it, and the steps after it are skipped.
 */
export async function stopWithDeadline(
  steps: readonly StopStep[],
  options: { timeoutMs: number; logger: Logger; timers?: StopTimers },
): Promise<StopOutcome> {
  const { timeoutMs, logger } = options;
  const timers = options.timers ?? REAL_TIMERS;
  let current: string | null = null;
  let handle: unknown;
  const deadline = new Promise<"deadline">((resolve) => {
    handle = timers.setTimeout(() => resolve("deadline"), timeoutMs);
  });
  const failed: string[] = [];
  const all = (async () => {
    for (const step of steps) {
      current = step.name;
      try {
        await step.run();
      } catch (error) {
        failed.push(step.name);
        logger.error({ err: error, step: step.name }, "shutdown step failed");
      }
    }
    current = null;
    return "done" as const;
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
export function stopExitCode(outcome: StopOutcome): number {
  return outcome.ok ? 0 : 1;
}

/** Resolves when the signal aborts. */
export function untilAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener("abort", () => resolve(), { once: true });
  });
}
