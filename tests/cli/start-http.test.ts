import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { StatusReportSchema } from "../../src/domain/status-report.js";
import { runCli } from "./run-cli.js";

describe("outage-bot start with HTTP_PORT", () => {
  it("serves the status API and health check beside the console until stopped", async () => {
    const stop = new AbortController();
    let logs = "";
    const running = runCli(["start"], {
      env: { STORE_URL: "memory://", POLL_STATUS_PAGES: "false", HTTP_PORT: "0", LOG_LEVEL: "info" },
      stdin: new PassThrough(),
      stop: stop.signal,
      onStderr: (text) => {
        logs += text;
      },
    });
    await expect.poll(() => logs.includes("http server listening"), { timeout: 10_000 }).toBe(true);
    const line = logs.split("\n").find((l) => l.includes("http server listening")) ?? "{}";
    const base = `http://127.0.0.1:${(JSON.parse(line) as { port: number }).port}`;

    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const status = await fetch(`${base}/api/status/github`);
    expect(StatusReportSchema.parse(await status.json()).service.id).toBe("github");

    stop.abort();
    expect((await running).code).toBe(0);
  });
});
