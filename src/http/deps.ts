import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";
import type { CommandContext } from "../../commands/context.js";
import type { CommandRunner } from "../../commands/runner.js";
import type { Metrics } from "../metrics/metrics.js";
import type { RateDecision } from "./rate-limit.js";
import type { InteractionVerifier } from "./signature.js";

/** The config variables the HTTP server reads (a subset of src/config.ts's Config). */
export interface HttpSettings {
  API_TOKENS?: string | undefined;
  API_RATE_LIMIT_PER_MIN: number;
  HTTP_BODY_LIMIT_BYTES: number;
  HTTP_MAX_REPORTS_PER_REQUEST: number;
  HTTP_CACHE_MAX_AGE_S: number;
  DISCORD_PUBLIC_KEY?: string | undefined;
  DISCORD_MAX_CLOCK_SKEW_S: number;
  /** REST base of Discord (`http://host/api`) for answers to deferred interactions; Discord's own when absent. */
  DISCORD_API_URL?: string | undefined;
}

/** One readiness check for `/readyz`: resolves when healthy, rejects (or resolves `{ ok: false }`) when not. */
export interface HealthCheck {
  name: string;
  run(): Promise<unknown>;
  /** When failing only makes the answer `degraded` (still 200): the bot answers without it. */
  degradesOnly?: boolean;
}

/** Everything a route handler needs, built once per server. */
export interface HttpDeps {
  ctx: CommandContext;
  metrics: Metrics;
  settings: HttpSettings;
  logger: Logger;
  health: readonly HealthCheck[];
  /** Commands, buttons and autocomplete behind `POST /interactions`: the same runner as every transport. */
  runner: CommandRunner;
  chartSvg: ((serviceId: string, at: number) => Promise<string | null>) | null;
  checkToken(authorization: string | undefined): string | null;
  rateLimit(key: string, cost: number, now: number): RateDecision;
  verifyInteraction: InteractionVerifier | null;
  /** Defer an interaction whose handler has not answered after this long (ms; capped by Discord's 3 s window). */
  interactionDeferAfterMs: number;
}

/** A route handler: answers the request, or throws an HttpError. */
export type RouteHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  deps: HttpDeps,
  params: Record<string, string>,
  url: URL,
) => Promise<void>;
