// Every way of running serves the same HTTP: on HTTP_HOST (not a hard-coded address) with /metrics.
import { createServer } from "node:net";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/run-cli.js";
import { type DiscordEmulator, startEmulator } from "../support/discord-emulator/index.js";
import { dropPrefix, REDIS_URL, runRedis, uniquePrefix } from "./redis-run.js";

// Another loopback address than 127.0.0.1: a server that ignored HTTP_HOST would not answer on it.
const HOST = "127.0.0.2";

/** A port free on HOST now (the role binds it a moment later). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, HOST, () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** GET /metrics once the role listens (polled: the role starts in its own time), or why it never did. */
async function metricsOf(port: number, exited: Promise<number>): Promise<{ status: number; text: string }> {
  let code: number | null = null;
  void exited.then((c) => {
    code = c;
  });
  return vi.waitFor(
    async () => {
      if (code !== null) throw new Error(`the role exited with ${code} before it listened`);
      const res = await fetch(`http://${HOST}:${port}/metrics`);
      return { status: res.status, text: await res.text() };
    },
    { timeout: 15_000, interval: 50 },
  );
}

describe.runIf(runRedis)("every role's HTTP server", () => {
  const prefix = uniquePrefix("role-http");
  let emulator: DiscordEmulator;

  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(async () => {
    await emulator?.close();
    await dropPrefix(prefix);
  });

  it.each([
    ["all", []],
    ["gateway", ["--role", "gateway"]],
    ["worker", ["--role", "worker"]],
  ])("binds HTTP_HOST and serves /metrics in role %s", async (_role, args) => {
    const port = await freePort();
    const stop = new AbortController();
    const exited = main(["start", ...args], {
      env: {
        STORE_URL: REDIS_URL,
        STORE_NAMESPACE: prefix,
        HTTP_PORT: String(port),
        HTTP_HOST: HOST,
        LOG_LEVEL: "silent",
        POLL_STATUS_PAGES: "false",
        REPORTER_SALT: "a-role-http-test-salt",
        // A gateway is a Discord connection (the emulator's), and a worker delivers alerts through it;
        // the single process runs without one, in service mode.
        ...(args.length === 0 ? {} : { DISCORD_TOKEN: "emulator-token" }),
        DISCORD_API_URL: emulator.apiUrl,
      },
      // Not a terminal: the single process runs in service mode.
      stdin: Readable.from([]),
      stdout: { write: () => true },
      stderr: { write: () => true },
      stop: stop.signal,
    });
    try {
      const { status, text } = await metricsOf(port, exited);
      expect(status).toBe(200);
      expect(text).toContain("outagebot_commands_total");
      expect(text).toContain("outagebot_process_cpu_seconds_total");
    } finally {
      stop.abort();
    }
    expect(await exited).toBe(0);
  });
});
