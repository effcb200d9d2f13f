import { createRequire } from "node:module";
import type * as PromClient from "prom-client";
import type { Counter, Gauge, Histogram, Registry } from "prom-client";

/**
 * prom-client, loaded by the first `createMetrics`: with the OpenTelemetry API it pulls in, it is
 * ~80 modules, more than `outage-bot ask` (which counts nothing) may spend starting. It is CommonJS,
 * so a synchronous require keeps createMetrics synchronous.
 */
let prom: typeof PromClient | undefined;
const promClient = () => {
  prom ??= createRequire(import.meta.url)("prom-client") as typeof PromClient;
  return prom;
};

/** Latency buckets in seconds, from 0.5 ms to 10 s: commands and store calls span that range. */
const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Every metric outage-bot exports, on a registry of its own (never prom-client's global default,
 * so tests and several app instances in one process do not collide).
 */
export interface Metrics {
  readonly registry: Registry;
  /** Crowd reports counted, by source (`discord`, `api`, `import`). */
  readonly reportsAccepted: Counter<"source">;
  /** Crowd reports not counted, by source and rejection reason (`invalid_json`, `unknown_service`, …). */
  readonly reportsRejected: Counter<"source" | "reason">;
  /** Commands answered, by subcommand name, transport and outcome (`ok`, `user_error`, `error`). */
  readonly commands: Counter<"name" | "transport" | "outcome">;
  /** Command handling time in seconds, by subcommand name. */
  readonly commandDuration: Histogram<"name">;
  /** Alerts delivered, by kind (`opened`, `escalated`, `resolved`, …). */
  readonly alertsSent: Counter<"kind">;
  /** Alerts that could not be delivered, by reason (`forbidden`, `rate_limited`, `error`, …). */
  readonly alertsFailed: Counter<"reason">;
  /** Status page polls, by service and result (`ok`, `http`, `parse`, `network`, `timeout`). */
  readonly sourcePolls: Counter<"service" | "result">;
  /** Seconds since a service's status page last answered well. */
  readonly sourceStaleness: Gauge<"service">;
  /** Store call time in seconds, by operation (`get`, `set`, `ping`, …). */
  readonly storeDuration: Histogram<"op">;
  /** HTTP requests answered, by route pattern and status code. */
  readonly httpRequests: Counter<"route" | "status">;
  /** HTTP request handling time in seconds, by route pattern. */
  readonly httpDuration: Histogram<"route">;
}

/** The metric names exported on `/metrics`, for docs and tests. */
export const METRIC_NAMES = [
  "outagebot_reports_accepted_total",
  "outagebot_reports_rejected_total",
  "outagebot_commands_total",
  "outagebot_command_duration_seconds",
  "outagebot_alerts_sent_total",
  "outagebot_alerts_failed_total",
  "outagebot_source_polls_total",
  "outagebot_source_staleness_seconds",
  "outagebot_store_duration_seconds",
  "outagebot_http_requests_total",
  "outagebot_http_request_duration_seconds",
] as const;

/** Creates the metrics on a fresh registry; pass `{ defaultMetrics: true }` to add process metrics (CPU, memory, GC). */
export function createMetrics(options: { defaultMetrics?: boolean; prefix?: string } = {}): Metrics {
  const { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } = promClient();
  const registry = new Registry();
  const registers = [registry];
  // Off by default: process metrics start GC observers that tests do not need.
  if (options.defaultMetrics) collectDefaultMetrics({ register: registry, prefix: options.prefix ?? "outagebot_" });
  return {
    registry,
    reportsAccepted: new Counter({
      name: "outagebot_reports_accepted_total",
      help: "Crowd reports counted, by source.",
      labelNames: ["source"],
      registers,
    }),
    reportsRejected: new Counter({
      name: "outagebot_reports_rejected_total",
      help: "Crowd reports not counted, by source and reason.",
      labelNames: ["source", "reason"],
      registers,
    }),
    commands: new Counter({
      name: "outagebot_commands_total",
      help: "Commands answered, by subcommand, transport and outcome.",
      labelNames: ["name", "transport", "outcome"],
      registers,
    }),
    commandDuration: new Histogram({
      name: "outagebot_command_duration_seconds",
      help: "Command handling time in seconds, by subcommand.",
      labelNames: ["name"],
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    alertsSent: new Counter({
      name: "outagebot_alerts_sent_total",
      help: "Alerts delivered, by kind.",
      labelNames: ["kind"],
      registers,
    }),
    alertsFailed: new Counter({
      name: "outagebot_alerts_failed_total",
      help: "Alerts that could not be delivered, by reason.",
      labelNames: ["reason"],
      registers,
    }),
    sourcePolls: new Counter({
      name: "outagebot_source_polls_total",
      help: "Status page polls, by service and result.",
      labelNames: ["service", "result"],
      registers,
    }),
    sourceStaleness: new Gauge({
      name: "outagebot_source_staleness_seconds",
      help: "Seconds since a service's status page last answered well.",
      labelNames: ["service"],
      registers,
    }),
    storeDuration: new Histogram({
      name: "outagebot_store_duration_seconds",
      help: "Store call time in seconds, by operation.",
      labelNames: ["op"],
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    httpRequests: new Counter({
      name: "outagebot_http_requests_total",
      help: "HTTP requests answered, by route and status code.",
      labelNames: ["route", "status"],
      registers,
    }),
    httpDuration: new Histogram({
      name: "outagebot_http_request_duration_seconds",
      help: "HTTP request handling time in seconds, by route.",
      labelNames: ["route"],
      buckets: LATENCY_BUCKETS,
      registers,
    }),
  };
}
