import { createHash } from "node:crypto";
import type { LimitSpec } from "./types.js";

/** Outcome of taking one request from a bucket. */
export interface Take {
  allowed: boolean;
  limit: number;
  remaining: number;
  resetAt: number;
  /** Milliseconds until the bucket refills. */
  resetAfterMs: number;
}

interface Window {
  startedAt: number;
  used: number;
}

/**
 * Fixed windows that open on the first request after the previous one closed, the way Discord
 * (and @discordjs/rest's own global counter) count.
 */
export class WindowLimiter {
  readonly #windows = new Map<string, Window>();

  take(key: string, spec: LimitSpec, now: number): Take {
    let w = this.#windows.get(key);
    if (!w || now >= w.startedAt + spec.windowMs) {
      w = { startedAt: now, used: 0 };
      this.#windows.set(key, w);
    }
    const resetAt = w.startedAt + spec.windowMs;
    const allowed = w.used < spec.limit;
    if (allowed) w.used += 1;
    return { allowed, limit: spec.limit, remaining: spec.limit - w.used, resetAt, resetAfterMs: resetAt - now };
  }
}

/** Discord's default per-route limits, keyed by route template (per major parameter). */
export const DEFAULT_ROUTE_LIMITS: Record<string, LimitSpec> = {
  "POST /channels/:channel/messages": { limit: 5, windowMs: 5000 },
  "PATCH /channels/:channel/messages/:message": { limit: 5, windowMs: 5000 },
  "PUT /applications/:app/commands": { limit: 10, windowMs: 20_000 },
  "PUT /applications/:app/guilds/:guild/commands": { limit: 10, windowMs: 20_000 },
};

/** A stable bucket id for a route, like Discord's opaque X-RateLimit-Bucket. */
export function bucketHash(route: string): string {
  return createHash("sha1").update(route).digest("hex").slice(0, 16);
}

/** Discord's rate-limit headers for a take. */
export function rateLimitHeaders(route: string, t: Take): Record<string, string> {
  return {
    "X-RateLimit-Limit": String(t.limit),
    "X-RateLimit-Remaining": String(Math.max(0, t.remaining)),
    "X-RateLimit-Reset": (t.resetAt / 1000).toFixed(3),
    "X-RateLimit-Reset-After": (Math.max(0, t.resetAfterMs) / 1000).toFixed(3),
    "X-RateLimit-Bucket": bucketHash(route),
  };
}
