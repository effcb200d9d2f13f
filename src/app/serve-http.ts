import type { Logger } from "pino";
import type { CommandContext } from "../../commands/context.js";
import type { CommandRunner } from "../../commands/runner.js";
import type { Config } from "../config.js";
import { createHttpServer, type HealthCheck } from "../http/index.js";
import type { Metrics } from "../metrics/metrics.js";
import type { StopSteps } from "./run-role.js";

/** What every role's HTTP server is made of. */
export interface ServeHttpParts {
  config: Config;
  ctx: CommandContext;
  /** The process's one command runner (HTTP interactions answer through it). */
  runner: CommandRunner;
  metrics: Metrics;
  logger: Logger;
  health: readonly HealthCheck[];
}

/**
 * Starts the HTTP API, interactions endpoint, status page, health and /metrics when HTTP_PORT is
 * set, on HTTP_HOST, the same way in every role (single process, gateway, worker), and registers its
 * close in `stops`. Without HTTP_PORT it does nothing.
 */
export async function serveHttp(parts: ServeHttpParts, stops: StopSteps): Promise<void> {
  const { config } = parts;
  if (config.HTTP_PORT === undefined) return;
  const http = createHttpServer({
    ctx: parts.ctx,
    runner: parts.runner,
    metrics: parts.metrics,
    config,
    logger: parts.logger,
    health: parts.health,
  });
  await http.listen(config.HTTP_PORT, config.HTTP_HOST);
  stops.add("http server", () => http.close());
}
