import type { Logger } from "pino";
import type { CommandCharts } from "../../commands/context.js";
import type { ChartCache } from "../charts/chart-cache.js";
import type { StatusBoard } from "../domain/board.js";

const MINUTE_MS = 60_000;
/** Into each minute before drawing: the minute's data is final once it has begun. */
const AFTER_MINUTE_MS = 1_000;

/** Draws the status charts of the services with problems at the start of each minute. */
export interface ChartWarmer {
  /** Draws the charts the status answers of `at`'s minute will attach; resolves with how many were drawn. */
  warm(at: number): Promise<number>;
  /** Warms at the start of every minute from now on (a timer that keeps no process alive). */
  start(): void;
  stop(): void;
}

/**
 * Renders ahead so a rush never waits on resvg: at the start of every minute, the status chart of
 * each service with problems (worst first, as `/outage status` lists them) is drawn into the cache
 * the answers and alerts read, one at a time off the event loop. A pass draws at most half the
 * cache's bytes, so it never evicts its own pictures; a pass still running when the next minute
 * starts makes that minute's pass wait for the one after.
 */
export function createChartWarmer(deps: {
  board: StatusBoard;
  charts: CommandCharts;
  cache: ChartCache;
  now: () => number;
  logger: Logger;
}): ChartWarmer {
  let timer: NodeJS.Timeout | null = null;
  let running = false;
  let stopped = false;

  const warm = async (at: number): Promise<number> => {
    const budget = deps.cache.maxBytes / 2;
    let bytes = 0;
    let drawn = 0;
    for (const report of await deps.board.problems(at)) {
      if (stopped || bytes >= budget) break;
      const before = deps.cache.stats().renders;
      const file = await deps.charts.status(report, at);
      bytes += file?.data.byteLength ?? 0;
      drawn += deps.cache.stats().renders - before;
    }
    return drawn;
  };

  const schedule = () => {
    if (stopped) return;
    const now = deps.now();
    const next = Math.floor(now / MINUTE_MS) * MINUTE_MS + MINUTE_MS + AFTER_MINUTE_MS;
    timer = setTimeout(() => {
      schedule();
      if (running) return;
      running = true;
      warm(deps.now())
        .then((n) => {
          if (n > 0) deps.logger.debug({ charts: n }, "status charts drawn ahead");
        })
        .catch((error: unknown) => deps.logger.warn({ err: error }, "drawing charts ahead failed"))
        .finally(() => {
          running = false;
        });
    }, next - now);
    timer.unref();
  };

  return {
    warm,
    start: schedule,
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
