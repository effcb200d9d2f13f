import type { EmulatorState } from "./state.js";

/** A parsed request handed to a route handler. */
export interface RouteRequest {
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
  files: { field: string; name: string; size: number; contentType: string }[];
  path: string;
  route: string;
  state: EmulatorState;
  /** Records a violation and returns Discord's 400 Invalid Form Body answer. */
  invalid(problems: string[]): RouteResponse;
  /** Called when an interaction changed, so waiting injections can look again. */
  notify(interactionId: string): void;
}

/** What a route handler answers. */
export interface RouteResponse {
  status: number;
  body?: unknown;
}

/** One REST route the emulator serves. */
export interface Route {
  method: string;
  /** Template with `:name` segments, matched against the decoded path after `/api/v10`. */
  template: string;
  /** Counted against the global limit and requires a bot token (interaction routes do not). */
  authenticated: boolean;
  /** Name of the parameter that scopes the route's rate limit (Discord's "major parameter"). */
  major?: string;
  handle(req: RouteRequest): RouteResponse | Promise<RouteResponse>;
}

/** Discord's JSON error answer. */
export function apiError(status: number, code: number, message: string): RouteResponse {
  return { status, body: { message, code } };
}

/** Matches a decoded path against a template; returns the parameters or null. */
export function matchTemplate(template: string, path: string): Record<string, string> | null {
  const t = template.split("/");
  const p = path.split("/");
  if (t.length !== p.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < t.length; i++) {
    const seg = t[i]!;
    if (seg.startsWith(":")) params[seg.slice(1)] = p[i]!;
    else if (seg !== p[i]) return null;
  }
  return params;
}
