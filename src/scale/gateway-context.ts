import type { Logger } from "pino";
import { createCommandCharts } from "../../commands/charts.js";
import type { CommandContext } from "../../commands/context.js";
import type { ChartCache } from "../charts/chart-cache.js";
import { createRedisBoard } from "./redis-board.js";
import type { RedisClient } from "./redis-connection.js";
import { createReportProducer } from "./report-stream.js";
import type { ScaleBase } from "./scale-context.js";
import { createSharedReporterGuard } from "./shared-reporter-guard.js";
import { createStreamIntake } from "./stream-intake.js";

/** Options of createGatewayContext. */
export interface GatewayContextOptions {
  base: Pick<ScaleBase, "catalog" | "regions" | "keys" | "salt">;
  client: RedisClient;
  logger: Logger;
  now: () => number;
  /** How long a value read from Redis is reused (BOARD_CACHE_MS). */
  cacheMs?: number;
  /** Where the gateway's drawn charts are kept (CHART_CACHE_MB). */
  chartCache: ChartCache;
  /** Stream cap (REPORT_STREAM_MAX_LEN). */
  streamMaxLen?: number;
}

/**
 * The command context of a gateway process: the board the worker publishes to Redis, and an
 * intake that queues reports on the shared stream after asking the shared reporter guard. Transports (Discord, HTTP) take it as they
 * take the single-process one.
 */
export function createGatewayContext(options: GatewayContextOptions): CommandContext {
  const { base, client, logger, now } = options;
  const board = createRedisBoard({
    client,
    keys: base.keys,
    catalog: base.catalog,
    regions: base.regions,
    now,
    ...(options.cacheMs !== undefined ? { cacheMs: options.cacheMs } : {}),
  });
  const intake = createStreamIntake({
    catalog: base.catalog,
    regions: base.regions,
    salt: base.salt,
    producer: createReportProducer(client, base.keys.stream, options.streamMaxLen),
    guard: createSharedReporterGuard({ client, keyOf: base.keys.reporter }),
  });
  return {
    catalog: base.catalog,
    regions: base.regions,
    board,
    intake,
    now,
    charts: createCommandCharts(board, options.chartCache, logger),
    log: logger,
  };
}
