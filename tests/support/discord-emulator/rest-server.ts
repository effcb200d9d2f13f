import type { IncomingMessage, ServerResponse } from "node:http";
import { parseBody } from "./body-parser.js";
import { failureResponse } from "./failures.js";
import { DEFAULT_ROUTE_LIMITS, rateLimitHeaders, WindowLimiter } from "./rate-limiter.js";
import { apiError, matchTemplate, type Route, type RouteRequest, type RouteResponse } from "./route.js";
import { channelRoutes } from "./routes-channels.js";
import { commandRoutes } from "./routes-commands.js";
import { guildRoutes } from "./routes-guilds.js";
import { interactionRoutes } from "./routes-interactions.js";
import type { EmulatorState } from "./state.js";
import type { EmulatorOptions, RecordedRequest } from "./types.js";

const ROUTES: Route[] = [...interactionRoutes, ...channelRoutes, ...commandRoutes, ...guildRoutes];
const PREFIX = "/api/v10";

/** Route keys (`METHOD /template`) the emulator serves, for `failNext` and `routeLimits`. */
export const ROUTE_KEYS = ROUTES.map((r) => `${r.method} ${r.template}`);

function send(res: ServerResponse, status: number, headers: Record<string, string>, body?: unknown) {
  const text = body === undefined ? "" : JSON.stringify(body);
  res.writeHead(status, { ...headers, ...(text ? { "Content-Type": "application/json" } : {}) });
  res.end(text);
}

/** Builds the HTTP handler of Discord's REST API over the emulator state. */
export function createRestHandler(
  state: EmulatorState,
  options: EmulatorOptions,
  gatewayUrl: () => string,
  notify: (interactionId: string) => void,
) {
  const limiter = new WindowLimiter();
  const routeLimits = { ...DEFAULT_ROUTE_LIMITS, ...options.routeLimits };
  const globalLimit = options.globalLimit === undefined ? { limit: 50, windowMs: 1000 } : options.globalLimit;
  const retryAfterMs = options.injected429RetryAfterMs ?? 50;

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://emulator");
    if (!url.pathname.startsWith(PREFIX)) return send(res, 404, {}, { message: "404: Not Found", code: 0 });
    const path = url.pathname.slice(PREFIX.length).split("/").map(decodeURIComponent).join("/");
    const method = req.method ?? "GET";
    const authorized = /^Bot .+/.test(req.headers.authorization ?? "");
    if (method === "GET" && path === "/gateway/bot") {
      return send(
        res,
        200,
        {},
        {
          url: gatewayUrl(),
          shards: 1,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
        },
      );
    }
    const parsed = await parseBody(req);
    const found = ROUTES.map((r) => ({ r, params: r.method === method ? matchTemplate(r.template, path) : null })).find(
      (m) => m.params,
    );
    const route = found ? `${method} ${found.r.template}` : `${method} ${path}`;
    const record: RecordedRequest = {
      at: Date.now(),
      method,
      path,
      route,
      query: Object.fromEntries(url.searchParams),
      authorized,
      body: parsed.body,
      files: parsed.files,
      status: 0,
    };
    state.requests.push(record);
    const reply = (status: number, headers: Record<string, string>, body?: unknown) => {
      record.status = status;
      send(res, status, headers, body);
    };
    const violate = (problems: string[]): RouteResponse => {
      for (const problem of problems) state.violations.push({ route, path, problem });
      return { status: 400, body: { message: "Invalid Form Body", code: 50035, errors: problems } };
    };
    if (!found) {
      violate(["route not served by Discord (or not by the emulator)"]);
      return reply(404, {}, { message: "404: Not Found", code: 0 });
    }
    const { r, params } = found;
    if (parsed.problem) {
      const out = violate([parsed.problem]);
      return reply(out.status, {}, out.body);
    }
    if (r.authenticated && !authorized) {
      state.violations.push({ route, path, problem: "missing Bot authorization" });
      return reply(401, {}, { message: "401: Unauthorized", code: 0 });
    }
    const now = Date.now();
    if (r.authenticated && globalLimit) {
      const g = limiter.take("global", globalLimit, now);
      if (!g.allowed) {
        record.limited = "global";
        const seconds = g.resetAfterMs / 1000;
        return reply(
          429,
          { "Retry-After": String(seconds), "X-RateLimit-Global": "true", "X-RateLimit-Scope": "global" },
          { message: "You are being rate limited.", retry_after: seconds, global: true, code: 0 },
        );
      }
    }
    const failure = state.takeFailure(route);
    if (failure) {
      const f = failureResponse(failure, retryAfterMs);
      if (f.status === 429) record.limited = "injected";
      return reply(f.status, f.headers, f.body);
    }
    let headers: Record<string, string> = {};
    const spec = routeLimits[route];
    if (spec) {
      const key = `${route}:${r.major ? params![r.major] : ""}`;
      const t = limiter.take(key, spec, now);
      headers = rateLimitHeaders(route, t);
      if (!t.allowed) {
        record.limited = "route";
        const seconds = t.resetAfterMs / 1000;
        return reply(
          429,
          { ...headers, "Retry-After": String(seconds), "X-RateLimit-Scope": "user" },
          { message: "You are being rate limited.", retry_after: seconds, global: false, code: 0 },
        );
      }
    }
    // Waiters look at the outcome only once the answer (and its status) is recorded.
    const changed: string[] = [];
    const routeReq: RouteRequest = {
      params: params!,
      query: record.query,
      body: parsed.body,
      files: parsed.files,
      path,
      route,
      state,
      invalid: violate,
      notify: (id) => changed.push(id),
    };
    try {
      const out = await r.handle(routeReq);
      reply(out.status, headers, out.body);
      for (const id of changed) notify(id);
    } catch (error) {
      const out = apiError(500, 0, `emulator error: ${(error as Error).message}`);
      state.violations.push({ route, path, problem: `emulator crashed: ${(error as Error).stack}` });
      reply(out.status, {}, out.body);
    }
  };
}
