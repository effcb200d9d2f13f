import type { RouteHandler } from "./deps.js";
import { sendJson, sendText } from "./respond.js";

/** `GET /metrics`: the Prometheus text exposition of every metric. */
export const getMetrics: RouteHandler = async (_req, res, deps) => {
  const text = await deps.metrics.registry.metrics();
  sendText(res, 200, text, { "content-type": deps.metrics.registry.contentType, "cache-control": "no-store" });
};

const HEALTH_TIMEOUT_MS = 2_000;

/** `GET /healthz`: runs every check at once; 200 when all pass, 503 with each check's state when not. */
export const getHealth: RouteHandler = async (_req, res, deps) => {
  const checks = await Promise.all(
    deps.health.map(async (check) => {
      const started = performance.now();
      let timer: NodeJS.Timeout | undefined;
      try {
        const result = await Promise.race([
          check.run(),
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error(`no answer within ${HEALTH_TIMEOUT_MS} ms`)), HEALTH_TIMEOUT_MS);
          }),
        ]);
        const failed = typeof result === "object" && result !== null && (result as { ok?: unknown }).ok === false;
        const detail =
          typeof result === "object" && result !== null ? (result as { detail?: unknown }).detail : undefined;
        return {
          name: check.name,
          ok: !failed,
          ms: Math.round(performance.now() - started),
          ...(detail ? { detail } : {}),
        };
      } catch (err) {
        return {
          name: check.name,
          ok: false,
          ms: Math.round(performance.now() - started),
          detail: err instanceof Error ? err.message : String(err),
        };
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  const ready = checks.every((c) => c.ok);
  sendJson(res, ready ? 200 : 503, { status: ready ? "ready" : "not_ready", checks }, { "cache-control": "no-store" });
};
