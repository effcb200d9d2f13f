import { createMetrics, type Metrics } from "../metrics/metrics.js";

/**
 * The metrics of a process, set up here only: every outage-bot metric plus process metrics (CPU,
 * memory, event loop lag, GC), which a running bot's /metrics shows in every role. Made on first
 * use: a process that counts nothing (`outage-bot ask`) never loads prom-client.
 */
export function processMetrics(): () => Metrics {
  let metrics: Metrics | undefined;
  return () => {
    metrics ??= createMetrics({ defaultMetrics: true });
    return metrics;
  };
}
