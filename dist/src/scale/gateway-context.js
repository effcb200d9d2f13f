import { createCommandCharts } from "../../commands/charts.js";
import { createRedisBoard } from "./redis-board.js";
import { createReportProducer } from "./report-stream.js";
import { createStreamIntake } from "./stream-intake.js";
/**
 * The command context of a gateway process: the board the worker publishes to Redis, and an
 * intake that queues reports on the shared stream. Transports (Discord, HTTP) take it as they
 * take the single-process one.
 */
export function createGatewayContext(options) {
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
    });
    return {
        catalog: base.catalog,
        regions: base.regions,
        board,
        intake,
        now,
        charts: createCommandCharts(board, logger),
        log: logger,
    };
}
//# sourceMappingURL=gateway-context.js.map