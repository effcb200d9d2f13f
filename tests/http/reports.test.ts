import { afterEach, describe, expect, it } from "vitest";
import { NOW } from "./fake-context.js";
import { postReports, readJson, startServer, TOKEN } from "./harness.js";

type Started = Awaited<ReturnType<typeof startServer>>;
let started: Started | undefined;
afterEach(async () => {
  await started?.close();
  started = undefined;
});

const line = (fields: Record<string, unknown>) => JSON.stringify({ service: "github", reporter: "u1", ...fields });

describe("POST /api/reports", () => {
  it("accepts one JSON report and hands it to the intake as an api report named after the token", async () => {
    started = await startServer();
    const res = await postReports(started.base, line({ region: "UK", problem: "login" }), "application/json");
    expect(res.status).toBe(200);
    expect(await readJson(res)).toEqual({ accepted: 1, rejected: 0, results: [{ index: 0, accepted: true }] });
    expect(started.intake.offers).toEqual([
      expect.objectContaining({
        service: "github",
        region: "UK",
        problem: "login",
        reporter: "u1",
        source: "api",
        sourceName: "tester",
        at: NOW,
      }),
    ]);
  });

  it("accepts a JSON array and uses the report's own time when it has one", async () => {
    started = await startServer();
    const at = "2026-11-26T11:55:00Z";
    const res = await postReports(started.base, `[${line({ at })},${line({ reporter: "u2" })}]`, "application/json");
    expect((await readJson(res)).accepted).toBe(2);
    expect(started.intake.offers.map((o) => o.at)).toEqual([Date.parse(at), NOW]);
  });

  it("reports each NDJSON line as accepted or rejected with its reason and line number", async () => {
    started = await startServer();
    const body = [
      line({}),
      "",
      line({ service: "nope" }),
      line({ reporter: "dup" }),
      JSON.stringify({ service: "github" }),
      line({ problem: "telepathy" }),
      line({ reporter: "u9" }),
    ].join("\n");
    const res = await postReports(started.base, body);
    expect(res.status).toBe(200);
    const json = await readJson(res);
    expect(json.accepted).toBe(2);
    expect(json.rejected).toBe(4);
    expect(
      json.results.map((r: { line: number; accepted: boolean; reason?: string }) => [r.line, r.reason ?? "ok"]),
    ).toEqual([
      [1, "ok"],
      [3, "unknown_service"],
      [4, "duplicate"],
      [5, "invalid"],
      [6, "invalid"],
      [7, "ok"],
    ]);
    expect(json.results[3].message).toMatch(/reporter/);
  });

  it("names the line of invalid JSON in an NDJSON batch and still counts the valid lines", async () => {
    started = await startServer();
    const body = [line({}), '{"service": "github", reporter: u2}', line({ reporter: "u3" })].join("\n");
    const res = await postReports(started.base, body);
    expect(res.status).toBe(200);
    const json = await readJson(res);
    expect(json.accepted).toBe(2);
    expect(json.results[1]).toMatchObject({ line: 2, accepted: false, reason: "invalid_json" });
    expect(json.results[1].message).toMatch(/line 2/);
    expect(started.intake.offers.map((o) => o.reporter)).toEqual(["u1", "u3"]);
  });

  it("answers 400 when no NDJSON line is valid JSON", async () => {
    started = await startServer();
    const res = await postReports(started.base, "nope\n{oops");
    expect(res.status).toBe(400);
    expect(await readJson(res)).toMatchObject({ error: "invalid_json", accepted: 0, rejected: 2 });
  });

  it("answers 400 with the line and column of invalid JSON in a JSON body", async () => {
    started = await startServer();
    const res = await postReports(started.base, `[\n${line({})},\n{"service": oops}\n]`, "application/json");
    expect(res.status).toBe(400);
    expect(await readJson(res)).toMatchObject({ error: "invalid_json", line: 3, column: 13 });
    expect(started.intake.offers).toEqual([]);
  });

  it("answers 401 without a token and with a wrong token", async () => {
    started = await startServer();
    const missing = await fetch(`${started.base}/api/reports`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: line({}),
    });
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toMatch(/Bearer/);
    expect((await readJson(missing)).error).toBe("missing_token");
    const wrong = await postReports(started.base, line({}), "application/json", `${TOKEN}x`);
    expect(wrong.status).toBe(401);
    expect((await readJson(wrong)).error).toBe("invalid_token");
    expect(started.intake.offers).toEqual([]);
  });

  it("accepts a second configured token and names it in the report", async () => {
    started = await startServer();
    await postReports(started.base, line({}), "application/json", "other-token-0123456789");
    expect(started.intake.offers[0]?.sourceName).toBe("other");
  });

  it("answers 415 for a content type other than JSON or NDJSON", async () => {
    started = await startServer();
    const res = await postReports(started.base, line({}), "text/plain");
    expect(res.status).toBe(415);
    expect((await readJson(res)).error).toBe("unsupported_media_type");
  });

  it("answers 413 for a body over the size cap and counts nothing", async () => {
    started = await startServer({ settings: { HTTP_BODY_LIMIT_BYTES: 2_048 } });
    const body = Array.from({ length: 100 }, (_, i) => line({ reporter: `u${i}` })).join("\n");
    const res = await postReports(started.base, body);
    expect(res.status).toBe(413);
    expect((await readJson(res)).error).toBe("body_too_large");
    expect(started.intake.offers).toEqual([]);
  });

  it("answers 413 for a chunked body that grows past the cap", async () => {
    started = await startServer({ settings: { HTTP_BODY_LIMIT_BYTES: 2_048 } });
    const chunk = `${line({})}\n`.repeat(10);
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 10; i++) controller.enqueue(new TextEncoder().encode(chunk));
        controller.close();
      },
    });
    const res = await fetch(`${started.base}/api/reports`, {
      method: "POST",
      headers: { "content-type": "application/x-ndjson", authorization: `Bearer ${TOKEN}` },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(res.status).toBe(413);
  });

  it("answers 400 for more reports than one request may carry", async () => {
    started = await startServer({ settings: { HTTP_MAX_REPORTS_PER_REQUEST: 3 } });
    const res = await postReports(started.base, [1, 2, 3, 4].map((i) => line({ reporter: `u${i}` })).join("\n"));
    expect(res.status).toBe(400);
    expect(await readJson(res)).toMatchObject({ error: "too_many_reports", limit: 3 });
    expect(started.intake.offers).toEqual([]);
  });

  it("answers 429 with Retry-After once a token has used its reports for the minute, and not for other tokens", async () => {
    started = await startServer({ settings: { API_RATE_LIMIT_PER_MIN: 4 } });
    const three = [1, 2, 3].map((i) => line({ reporter: `u${i}` })).join("\n");
    expect((await postReports(started.base, three)).status).toBe(200);
    const limited = await postReports(started.base, three);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBe(30);
    expect((await readJson(limited)).error).toBe("rate_limited");
    expect((await postReports(started.base, three, "application/x-ndjson", "other-token-0123456789")).status).toBe(200);
    started.setNow(NOW + 30_000);
    expect((await postReports(started.base, three)).status).toBe(200);
  });

  it("answers 405 for GET on the reports route", async () => {
    started = await startServer();
    const res = await fetch(`${started.base}/api/reports`);
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("POST");
  });
});
