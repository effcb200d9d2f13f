import { describe, expect, it } from "vitest";
import type { OfficialStatus } from "../../src/domain/official.js";
import { sourcesHealthCheck, storeHealthCheck } from "../../src/http/index.js";
import { createMetrics } from "../../src/metrics/metrics.js";
import { observeOfficialStatus } from "../../src/metrics/observe.js";

const official = (stale: boolean, error: string | null = null): OfficialStatus => ({
  indicator: "none",
  description: "All Systems Operational",
  pageUrl: null,
  components: [],
  incidents: [],
  maintenance: [],
  fetchedAt: "2026-11-26T11:59:00Z",
  stale,
  ageSeconds: stale ? 900 : 60,
  error,
});

describe("health checks", () => {
  it("times the store ping into the store latency histogram", async () => {
    const metrics = createMetrics();
    await storeHealthCheck({ ping: async () => undefined }, metrics).run();
    expect(await metrics.registry.metrics()).toContain('outagebot_store_duration_seconds_count{op="ping"} 1');
  });

  it("fails when the store ping fails", async () => {
    const check = storeHealthCheck({ ping: () => Promise.reject(new Error("ECONNREFUSED")) });
    await expect(check.run()).rejects.toThrow("ECONNREFUSED");
  });

  it("counts sources ready while one page is fresh, and not when all are stale", async () => {
    const states: Record<string, OfficialStatus | null> = { a: official(true), b: official(false), c: null };
    const check = sourcesHealthCheck(
      (id) => states[id] ?? null,
      () => ["a", "b", "c"],
      () => 0,
    );
    expect(await check.run()).toEqual({ ok: true, detail: "1 of 2 status pages fresh" });
    states.b = official(true, "timeout");
    expect(await check.run()).toEqual({ ok: false, detail: "0 of 2 status pages fresh" });
  });
});

describe("observeOfficialStatus", () => {
  it("counts polls by result and sets staleness per service", async () => {
    const metrics = createMetrics();
    observeOfficialStatus(metrics, "github", official(false));
    observeOfficialStatus(metrics, "github", official(true, "timeout"));
    const text = await metrics.registry.metrics();
    expect(text).toContain('outagebot_source_polls_total{service="github",result="ok"} 1');
    expect(text).toContain('outagebot_source_polls_total{service="github",result="error"} 1');
    expect(text).toContain('outagebot_source_staleness_seconds{service="github"} 900');
  });

  it("keeps metrics of two instances apart", async () => {
    const a = createMetrics();
    const b = createMetrics();
    a.alertsSent.inc({ kind: "opened" });
    expect(await b.registry.metrics()).not.toContain('outagebot_alerts_sent_total{kind="opened"} 1');
  });
});
