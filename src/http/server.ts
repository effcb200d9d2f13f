import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "pino";
import type { CommandContext } from "../../commands/context.js";
import { type CommandHandlers, type CommandRunner, createCommandRunner } from "../../commands/runner.js";
import type { Metrics } from "../metrics/metrics.js";
import { createTokenChecker, parseApiTokens } from "./auth.js";
import { createChartSvgSource } from "./chart-source.js";
import type { HealthCheck, HttpDeps, HttpSettings, RouteHandler } from "./deps.js";
import { getFeed, getServiceFeed } from "./feed-routes.js";
import { postInteraction } from "./interactions-route.js";
import { getLiveness, getMetrics, getReadiness } from "./ops-routes.js";
import { getChart, getChartPng, getPage, noFavicon } from "./page-routes.js";
import { createRateLimiter } from "./rate-limit.js";
import { postReports } from "./reports-route.js";
import { HttpError, sendError } from "./respond.js";
import { createInteractionVerifier } from "./signature.js";
import { getIncidents, getProblems, getServiceStatus } from "./status-routes.js";

/** What `createHttpServer` needs. */
export interface HttpServerOptions {
  ctx: CommandContext;
  metrics: Metrics;
  config: HttpSettings;
  logger: Logger;
  /** Readiness checks for `/readyz` (store ping, sources); none means always ready. */
  health?: readonly HealthCheck[];
  /** The app's command runner behind `POST /interactions`; without it the server makes its own over `ctx`. */
  runner?: CommandRunner;
  /** Handlers of that own runner; the real ones from commands/ unless a test swaps them. */
  commands?: CommandHandlers;
  /** SVG chart per service for the page; defaults to src/charts over `ctx.board`, null for none. */
  chartSvg?: ((serviceId: string, at: number) => Promise<string | null>) | null;
  /** Defer an interaction whose handler has not answered after this long (default 2000 ms). */
  interactionDeferAfterMs?: number;
}

/** A started-or-not HTTP server. */
export interface HttpServer {
  /** Starts listening; resolves with the bound address (port 0 picks a free one). */
  listen(port: number, host?: string): Promise<{ port: number; host: string }>;
  /** Stops accepting, lets requests in flight finish (up to 5 s), then closes every connection. */
  close(): Promise<void>;
}

interface Route {
  method: "GET" | "POST";
  pattern: RegExp;
  name: string;
  handler: RouteHandler;
}

const ROUTES: readonly Route[] = [
  { method: "POST", pattern: /^\/api\/reports\/?$/, name: "/api/reports", handler: postReports },
  { method: "GET", pattern: /^\/api\/status\/?$/, name: "/api/status", handler: getProblems },
  {
    method: "GET",
    pattern: /^\/api\/status\/(?<service>[^/]+)\/?$/,
    name: "/api/status/:service",
    handler: getServiceStatus,
  },
  { method: "GET", pattern: /^\/api\/incidents\/?$/, name: "/api/incidents", handler: getIncidents },
  { method: "GET", pattern: /^\/feed\.atom$/, name: "/feed.atom", handler: getFeed },
  { method: "GET", pattern: /^\/feed\/(?<service>[^/]+)\.atom$/, name: "/feed/:service.atom", handler: getServiceFeed },
  { method: "GET", pattern: /^\/healthz\/?$/, name: "/healthz", handler: getLiveness },
  { method: "GET", pattern: /^\/readyz\/?$/, name: "/readyz", handler: getReadiness },
  { method: "GET", pattern: /^\/metrics\/?$/, name: "/metrics", handler: getMetrics },
  { method: "POST", pattern: /^\/interactions\/?$/, name: "/interactions", handler: postInteraction },
  { method: "GET", pattern: /^\/$/, name: "/", handler: getPage },
  { method: "GET", pattern: /^\/favicon\.ico$/, name: "/favicon.ico", handler: noFavicon },
  { method: "GET", pattern: /^\/charts\/(?<service>[^/]+)\.svg$/, name: "/charts/:service.svg", handler: getChart },
  { method: "GET", pattern: /^\/charts\/(?<service>[^/]+)\.png$/, name: "/charts/:service.png", handler: getChartPng },
];

/** Builds the HTTP API, interactions endpoint, status page, health and metrics on node:http. */
export function createHttpServer(options: HttpServerOptions): HttpServer {
  const { config, logger } = options;
  const deps: HttpDeps = {
    ctx: options.ctx,
    metrics: options.metrics,
    settings: config,
    logger,
    health: options.health ?? [],
    runner:
      options.runner ??
      createCommandRunner({
        ctx: options.ctx,
        metrics: options.metrics,
        log: logger,
        ...(options.commands ? { handlers: options.commands } : {}),
      }),
    chartSvg:
      options.chartSvg === undefined ? createChartSvgSource(options.ctx.board, options.ctx.catalog) : options.chartSvg,
    checkToken: createTokenChecker(parseApiTokens(config.API_TOKENS)),
    rateLimit: createRateLimiter(config.API_RATE_LIMIT_PER_MIN),
    verifyInteraction: config.DISCORD_PUBLIC_KEY
      ? createInteractionVerifier(config.DISCORD_PUBLIC_KEY, config.DISCORD_MAX_CLOCK_SKEW_S)
      : null,
    interactionDeferAfterMs: options.interactionDeferAfterMs ?? 2000,
  };
  const server = createServer((req, res) => void handle(req, res, deps));
  // Slow or silent clients must not hold sockets forever.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  server.on("clientError", (_err, socket) => {
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
    else socket.destroy();
  });

  return {
    listen(port, host = "127.0.0.1") {
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          server.off("error", reject);
          const address = server.address() as AddressInfo;
          logger.info({ port: address.port, host: address.address }, "http server listening");
          resolve({ port: address.port, host: address.address });
        });
      });
    },
    close() {
      return new Promise((resolve) => {
        if (!server.listening) return resolve();
        const force = setTimeout(() => server.closeAllConnections(), 5_000);
        force.unref();
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        server.closeIdleConnections();
      });
    },
  };
}

/** Creates the server and listens on `port` (all interfaces unless `host` says otherwise). */
export async function startHttpServer(
  options: HttpServerOptions & { port: number; host?: string },
): Promise<HttpServer & { port: number; host: string }> {
  const server = createHttpServer(options);
  const address = await server.listen(options.port, options.host ?? "0.0.0.0");
  return { ...server, ...address };
}

async function handle(req: IncomingMessage, res: ServerResponse, deps: HttpDeps): Promise<void> {
  const started = performance.now();
  let routeName = "unmatched";
  try {
    const url = new URL(req.url ?? "/", "http://localhost");
    const method = req.method === "HEAD" ? "GET" : req.method;
    const matches = ROUTES.filter((r) => r.pattern.test(url.pathname));
    const route = matches.find((r) => r.method === method);
    if (!route) {
      req.resume();
      if (matches.length) {
        const allow = [...new Set(matches.map((r) => r.method))].join(", ");
        throw new HttpError(405, "method_not_allowed", `use ${allow} on ${url.pathname}`, { allow });
      }
      throw new HttpError(404, "not_found", `nothing at ${url.pathname.slice(0, 200)}`);
    }
    routeName = route.name;
    // A GET never reads a body; drain any that was sent so the keep-alive socket stays usable.
    if (method === "GET") req.resume();
    const params = decodeParams(route.pattern.exec(url.pathname)?.groups ?? {});
    await route.handler(req, res, deps, params, url);
  } catch (err) {
    if (err instanceof HttpError) sendError(res, err);
    else {
      const errorId = randomUUID().slice(0, 8);
      deps.logger.error({ err, route: routeName, errorId }, "http request failed");
      sendError(res, new HttpError(500, "internal", `something went wrong (error id ${errorId})`));
    }
  } finally {
    deps.metrics.httpRequests.inc({ route: routeName, status: String(res.statusCode) });
    deps.metrics.httpDuration.observe({ route: routeName }, (performance.now() - started) / 1000);
  }
}

function decodeParams(groups: Record<string, string | undefined>): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(groups)) {
    try {
      params[key] = decodeURIComponent(value ?? "");
    } catch {
      throw new HttpError(400, "bad_path", "the path is not valid percent-encoding");
    }
  }
  return params;
}
