import { sendJson, sendText } from "./respond.js";
/** `GET /metrics`: the Prometheus text exposition of every metric. */
export const getMetrics = async (_req, res, deps) => {
    const text = await deps.metrics.registry.metrics();
    sendText(res, 200, text, { "content-type": deps.metrics.registry.contentType, "cache-control": "no-store" });
};
const HEALTH_TIMEOUT_MS = 2_000;
/** `GET /healthz`: liveness only: the process answers HTTP. Restarting it would not fix a store or a vendor. */
export const getLiveness = async (_req, res) => {
    sendJson(res, 200, { status: "alive" }, { "cache-control": "no-store" });
};
/**
 * `GET /readyz`: runs every check at once; 503 `not_ready` when a check the bot cannot answer
 * without fails (the store), 200 `degraded` when only a degrading one does (status pages), else
 * 200 `ready`; each check's state in the body.
 */
export const getReadiness = async (_req, res, deps) => {
    const checks = await Promise.all(deps.health.map(async (check) => {
        const started = performance.now();
        let timer;
        try {
            const result = await Promise.race([
                check.run(),
                new Promise((_, reject) => {
                    timer = setTimeout(() => reject(new Error(`no answer within ${HEALTH_TIMEOUT_MS} ms`)), HEALTH_TIMEOUT_MS);
                }),
            ]);
            const failed = typeof result === "object" && result !== null && result.ok === false;
            const detail = typeof result === "object" && result !== null ? result.detail : undefined;
            return {
                name: check.name,
                critical: check.degradesOnly !== true,
                ok: !failed,
                ms: Math.round(performance.now() - started),
                ...(detail ? { detail } : {}),
            };
        }
        catch (err) {
            return {
                name: check.name,
                critical: check.degradesOnly !== true,
                ok: false,
                ms: Math.round(performance.now() - started),
                detail: err instanceof Error ? err.message : String(err),
            };
        }
        finally {
            clearTimeout(timer);
        }
    }));
    const status = checks.some((c) => c.critical && !c.ok)
        ? "not_ready"
        : checks.some((c) => !c.ok)
            ? "degraded"
            : "ready";
    sendJson(res, status === "not_ready" ? 503 : 200, { status, checks }, { "cache-control": "no-store" });
};
//# sourceMappingURL=ops-routes.js.map