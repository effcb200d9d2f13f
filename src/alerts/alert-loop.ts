import type { Logger } from "pino";
import type { AlertEngine } from "./alert-engine.js";
import type { AlertEvent } from "./alert-event.js";

/** Runs the alert engine: events in order, then deliveries, then a timer for the next due send. */
export interface AlertLoop {
  /** Queue events; resolves when they are recorded and a delivery pass has run. */
  push(events: readonly AlertEvent[]): Promise<void>;
  /** Deliver what is due now (start-up recovery repeats pending sends with their nonce). */
  kick(): Promise<void>;
  /**
   * Stop sending: sends in flight finish and are recorded, the rest waits in the store for the
   * next start. Events pushed before or during the stop are still recorded.
   */
  stop(): Promise<void>;
}

export interface AlertLoopOptions {
  engine: AlertEngine;
  now: () => number;
  logger: Logger;
  /** Longest sleep between passes, so a missed wake-up heals itself. */
  maxSleepMs?: number;
}

/** Start the loop; its first pass recovers pending sends at once. */
export function startAlertLoop(options: AlertLoopOptions): AlertLoop {
  const { engine, now, logger } = options;
  const maxSleepMs = options.maxSleepMs ?? 30_000;
  const stopping = new AbortController();
  let chain: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;

  /** Wake up for another pass after `wait` ms, replacing any earlier wake-up. */
  const arm = (wait: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => void enqueue(async () => {}), wait);
    timer.unref();
  };

  const schedule = async () => {
    if (stopping.signal.aborted) return;
    const due = await engine.nextDueAt();
    arm(due === null ? maxSleepMs : Math.min(maxSleepMs, Math.max(50, due - now())));
  };

  const enqueue = (work: () => Promise<void>): Promise<void> => {
    chain = chain
      .then(async () => {
        // Recording events is quick and store-only: it happens even while stopping, so nothing
        // the aggregator emitted is lost; the sends wait for the next start.
        await work();
        if (stopping.signal.aborted) return;
        const stats = await engine.deliverDue(stopping.signal);
        if (stats.sent + stats.failed > 0) logger.info(stats, "alert delivery pass");
        await schedule();
      })
      .catch((error: unknown) => {
        logger.error({ err: error }, "alert loop pass failed");
        // A failed pass (the store down, say) must not leave retries waiting for the next event.
        if (!stopping.signal.aborted) arm(maxSleepMs);
      });
    return chain;
  };

  void enqueue(async () => {});

  return {
    push: (events) =>
      enqueue(async () => {
        for (const event of events) await engine.handle(event);
      }),
    kick: () => enqueue(async () => {}),
    async stop() {
      stopping.abort();
      clearTimeout(timer);
      await chain;
    },
  };
}
