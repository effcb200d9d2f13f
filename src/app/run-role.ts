import type { Logger } from "pino";
import type { Config } from "../config.js";
import type { Metrics } from "../metrics/metrics.js";
import { processMetrics } from "./process-metrics.js";
import { type StopStep, stopExitCode, stopWithDeadline, untilAborted } from "./stop-with-deadline.js";

/** Where the parts of a running role register how they stop. */
export interface StopSteps {
  /**
   * Registers the stop of a part that has just started. Parts stop in the reverse order they
   * started: what is added last runs first (the HTTP server closes before the store it reads).
   */
  add(name: string, run: () => Promise<void>): void;
}

/** What every way of running starts from: the config, its logger, its clock and the stop signal. */
export interface RoleFrame {
  config: Config;
  logger: Logger;
  now: () => number;
  /** Aborted when the process should stop (SIGINT/SIGTERM, or a test). */
  stop: AbortSignal;
}

/** What a way of running builds its parts with. */
export interface Role extends RoleFrame {
  readonly stops: StopSteps;
  /** The process metrics (CPU, memory, GC and every outage-bot metric), made on first use, one per process. */
  metrics(): Metrics;
  /** Resolves when the process should stop. */
  untilStopped(): Promise<void>;
}

/**
 * Runs one way of running (single process, console, service mode, gateway, worker): `body` builds
 * and starts its parts, each registering its stop, and resolves when the role is to stop. Then the
 * one stop sequence runs every registered step within SHUTDOWN_TIMEOUT_MS, naming in the log what
 * hung at the deadline, also when `body` failed half-way (then its error is rethrown). Resolves to
 * the exit code: 0 only when everything stopped and was saved.
 */
export async function runRole(frame: RoleFrame, body: (role: Role) => Promise<void>): Promise<number> {
  const { config, logger } = frame;
  const steps: StopStep[] = [];
  const role: Role = {
    ...frame,
    stops: { add: (name, run) => steps.unshift({ name, run }) },
    metrics: processMetrics(),
    untilStopped: () => untilAborted(frame.stop),
  };
  let failed = false;
  let failure: unknown;
  try {
    await body(role);
  } catch (error) {
    failed = true;
    failure = error;
  }
  const outcome = await stopWithDeadline(steps, { timeoutMs: config.SHUTDOWN_TIMEOUT_MS, logger });
  if (failed) throw failure;
  logger.info({ ok: outcome.ok }, "stopped");
  return stopExitCode(outcome);
}
