import { afterEach, describe, expect, it } from "vitest";
import { StatusReportSchema } from "../../src/domain/status-report.js";
import { METRIC_NAMES } from "../../src/metrics/metrics.js";
import { NOW } from "./fake-context.js";
import { postReports, readJson, startServer } from "./harness.js";

type Started = Awaited<ReturnType<typeof startServer>>;
let started: Started | undefined;
afterEach(async () => {
  await started?.close();
  started = undefined;
});

describe("GET /api/status", () => {
  it("returns one service's status report by an alias, with caching headers", async () => {
    started = await startServer();
    const res = await fetch(`${started.base}/api/status/GH`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, max-age=15");
    expect(res.headers.get("etag")).toMatch(/^W\/".+"$/);
    const body = StatusReportSchema.parse(await readJson(res));
    expect(body.service).toEqual({ id: "github", name: "GitHub" });
    expect(body.level).toBe("major_outage");
  });

  it("finds a service by a percent-encoded name", async () => {
    started = await startServer();
    const res = await fetch(`${started.base}/api/status/${encodeURIComponent("Twitter")}`);
    expect((await readJson(res)).service.id).toBe("x");
  });

  it("answers 304 to a matching If-None-Match, also after the clock moved on", async () => {
    started = await startServer();
    const first = await fetch(`${started.base}/api/status/github`);
    const etag = first.headers.get("etag")!;
    started.setNow(NOW + 1_000);
    const second = await fetch(`${started.base}/api/status/github`, { headers: { "if-none-match": etag } });
    expect(second.status).toBe(304);
    expect(second.headers.get("etag")).toBe(etag);
  });

  it("gives a new ETag when the status changes", async () => {
    started = await startServer();
    const a = (await fetch(`${started.base}/api/status/github`)).headers.get("etag");
    const b = (await fetch(`${started.base}/api/status/discord`)).headers.get("etag");
    expect(a).not.toBe(b);
  });

  it("answers 404 with suggestions for an unknown service", async () => {
    started = await startServer();
    const res = await fetch(`${started.base}/api/status/githib`);
    expect(res.status).toBe(404);
    const body = await readJson(res);
    expect(body.error).toBe("unknown_service");
    expect(body.suggestions).toContainEqual({ id: "github", name: "GitHub" });
    expect(body.message).toMatch(/did you mean GitHub/);
  });

  it("answers 400, not a crash, for a broken percent-encoding", async () => {
    started = await startServer();
    const res = await fetch(`${started.base}/api/status/%E0%A4%A`);
    expect(res.status).toBe(400);
  });

  it("lists the services with problems now, worst first", async () => {
    started = await startServer();
    const res = await fetch(`${started.base}/api/status`);
    expect(res.status).toBe(200);
    const body = await readJson(res);
    expect(body.asOf).toBe(new Date(NOW).toISOString());
    expect(body.services.map((s: { service: { id: string }; level: string }) => [s.service.id, s.level])).toEqual([
      ["github", "major_outage"],
      ["discord", "degraded"],
    ]);
  });

  it("answers 500 with an error id when the board fails, and keeps serving", async () => {
    started = await startServer();
    (started.board as { fail?: boolean }).fail = true;
    const res = await fetch(`${started.base}/api/status/github`);
    expect(res.status).toBe(500);
    expect((await readJson(res)).message).toMatch(/error id/);
    (started.board as { fail?: boolean }).fail = false;
    expect((await fetch(`${started.base}/api/status/github`)).status).toBe(200);
  });
});

describe("GET /api/incidents", () => {
  it("returns the incidents list for a service", async () => {
    started = await startServer();
    const res = await fetch(`${started.base}/api/incidents?service=github&state=active`);
    expect(res.status).toBe(200);
    expect(await readJson(res)).toEqual({ asOf: new Date(NOW).toISOString(), incidents: [] });
  });

  it("answers 400 for a state it does not know", async () => {
    started = await startServer();
    const res = await fetch(`${started.base}/api/incidents?state=sideways`);
    expect(res.status).toBe(400);
    expect((await readJson(res)).error).toBe("invalid_query");
  });
});

describe("GET /healthz", () => {
  it("answers 200 alive without running the readiness checks, even with the store down", async () => {
    let ran = false;
    started = await startServer({
      health: [
        {
          name: "store",
          run: async () => {
            ran = true;
            throw new Error("connection refused");
          },
        },
      ],
    });
    const res = await fetch(`${started.base}/healthz`);
    expect(res.status).toBe(200);
    expect(await readJson(res)).toEqual({ status: "alive" });
    expect(ran).toBe(false);
  });
});

describe("GET /readyz", () => {
  it("answers 200 ready with each check when all pass", async () => {
    started = await startServer({
      health: [
        { name: "store", run: async () => undefined },
        { name: "sources", degradesOnly: true, run: async () => ({ ok: true, detail: "3 of 3 fresh" }) },
      ],
    });
    const res = await fetch(`${started.base}/readyz`);
    expect(res.status).toBe(200);
    const body = await readJson(res);
    expect(body.status).toBe("ready");
    expect(body.checks).toEqual([
      expect.objectContaining({ name: "store", ok: true, critical: true }),
      expect.objectContaining({ name: "sources", ok: true, critical: false, detail: "3 of 3 fresh" }),
    ]);
  });

  it("answers 200 degraded when only the status pages are stale: every command still answers", async () => {
    started = await startServer({
      health: [
        { name: "store", run: async () => undefined },
        { name: "sources", degradesOnly: true, run: async () => ({ ok: false, detail: "0 of 3 status pages fresh" }) },
      ],
    });
    const res = await fetch(`${started.base}/readyz`);
    expect(res.status).toBe(200);
    const body = await readJson(res);
    expect(body.status).toBe("degraded");
    expect(body.checks).toEqual([
      expect.objectContaining({ name: "store", ok: true }),
      expect.objectContaining({ name: "sources", ok: false, detail: "0 of 3 status pages fresh" }),
    ]);
  });

  it("answers 503 not ready naming the failed check when the store ping fails", async () => {
    started = await startServer({
      health: [
        {
          name: "store",
          run: async () => {
            throw new Error("connection refused");
          },
        },
        { name: "sources", degradesOnly: true, run: async () => ({ ok: false, detail: "all stale" }) },
      ],
    });
    const res = await fetch(`${started.base}/readyz`);
    expect(res.status).toBe(503);
    const body = await readJson(res);
    expect(body.status).toBe("not_ready");
    expect(body.checks).toEqual([
      expect.objectContaining({ name: "store", ok: false, detail: "connection refused" }),
      expect.objectContaining({ name: "sources", ok: false, detail: "all stale" }),
    ]);
  });
});

describe("GET /metrics", () => {
  it("exports every metric, with report counters by reason after a batch", async () => {
    started = await startServer();
    await postReports(started.base, [JSON.stringify({ service: "github", reporter: "a" }), "{bad"].join("\n"));
    started.metrics.commands.inc({ name: "status", transport: "gateway", outcome: "ok" });
    const res = await fetch(`${started.base}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await res.text();
    for (const name of METRIC_NAMES) expect(text).toContain(`# TYPE ${name}`);
    expect(text).toContain('outagebot_reports_accepted_total{source="api"} 1');
    expect(text).toContain('outagebot_reports_rejected_total{source="api",reason="invalid_json"} 1');
    expect(text).toContain('outagebot_commands_total{name="status",transport="gateway",outcome="ok"} 1');
    expect(text).toContain('outagebot_http_requests_total{route="/api/reports",status="200"} 1');
  });
});

describe("unknown routes", () => {
  it("answer 404 as JSON", async () => {
    started = await startServer();
    const res = await fetch(`${started.base}/nowhere`);
    expect(res.status).toBe(404);
    expect(await readJson(res)).toMatchObject({ error: "not_found" });
  });
});
