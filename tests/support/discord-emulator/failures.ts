import type { RouteResponse } from "./route.js";
import type { FailureKind } from "./types.js";

/** The status, headers and body Discord sends for an injected failure. */
export function failureResponse(
  kind: FailureKind,
  retryAfterMs: number,
): RouteResponse & { headers: Record<string, string> } {
  const seconds = retryAfterMs / 1000;
  switch (kind) {
    case "429":
      return {
        status: 429,
        headers: { "Retry-After": String(seconds), "X-RateLimit-Scope": "user" },
        body: { message: "You are being rate limited.", retry_after: seconds, global: false },
      };
    case "429-global":
      return {
        status: 429,
        headers: { "Retry-After": String(seconds), "X-RateLimit-Global": "true", "X-RateLimit-Scope": "global" },
        body: { message: "You are being rate limited.", retry_after: seconds, global: true },
      };
    case "500":
      return { status: 500, headers: {}, body: { message: "500: Internal Server Error", code: 0 } };
    case "missing-permissions":
      return { status: 403, headers: {}, body: { message: "Missing Permissions", code: 50013 } };
    case "missing-access":
      return { status: 403, headers: {}, body: { message: "Missing Access", code: 50001 } };
    case "unknown-channel":
      return { status: 404, headers: {}, body: { message: "Unknown Channel", code: 10003 } };
    case "unknown-message":
      return { status: 404, headers: {}, body: { message: "Unknown Message", code: 10008 } };
    case "unknown-interaction":
      return { status: 404, headers: {}, body: { message: "Unknown interaction", code: 10062 } };
  }
}
