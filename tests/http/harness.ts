import { generateKeyPairSync, type KeyObject, sign } from "node:crypto";
import { pino } from "pino";
import type { HealthCheck, HttpSettings } from "../../src/http/index.js";
import { createHttpServer, type HttpServerOptions } from "../../src/http/index.js";
import { createMetrics } from "../../src/metrics/metrics.js";
import { fakeContext, NOW } from "./fake-context.js";

/** Token the tests post reports with (name "tester"). */
export const TOKEN = "test-token-0123456789abcdef";

/** A fresh Ed25519 key pair, with the public key as the 64 hex digits Discord shows. */
export function ed25519Keys(): { privateKey: KeyObject; publicHex: string } {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const der = publicKey.export({ format: "der", type: "spki" });
  return { privateKey, publicHex: der.subarray(-32).toString("hex") };
}

/** Signs a body the way Discord does: Ed25519 over timestamp + body. */
export function signBody(privateKey: KeyObject, timestamp: string, body: string | Buffer): string {
  return sign(null, Buffer.concat([Buffer.from(timestamp), Buffer.from(body)]), privateKey).toString("hex");
}

/** Starts a server on 127.0.0.1 with a free port over the fake context. */
export async function startServer(
  options: {
    settings?: Partial<HttpSettings>;
    health?: HealthCheck[];
    levels?: Parameters<typeof fakeContext>[0];
  } & Partial<Pick<HttpServerOptions, "commands" | "chartSvg" | "interactionDeferAfterMs">> = {},
) {
  const keys = ed25519Keys();
  const fake = fakeContext(options.levels);
  const metrics = createMetrics();
  const config: HttpSettings = {
    API_TOKENS: `tester:${TOKEN},other:other-token-0123456789`,
    API_RATE_LIMIT_PER_MIN: 60_000,
    HTTP_BODY_LIMIT_BYTES: 1_048_576,
    HTTP_MAX_REPORTS_PER_REQUEST: 5_000,
    HTTP_CACHE_MAX_AGE_S: 15,
    DISCORD_PUBLIC_KEY: keys.publicHex,
    DISCORD_MAX_CLOCK_SKEW_S: 300,
    ...options.settings,
  };
  const server = createHttpServer({
    ctx: fake.ctx,
    metrics,
    config,
    logger: pino({ level: "silent" }),
    health: options.health ?? [],
    ...(options.commands ? { commands: options.commands } : {}),
    ...(options.chartSvg !== undefined ? { chartSvg: options.chartSvg } : {}),
    ...(options.interactionDeferAfterMs !== undefined
      ? { interactionDeferAfterMs: options.interactionDeferAfterMs }
      : {}),
  });
  const { port } = await server.listen(0, "127.0.0.1");
  return { ...fake, server, metrics, keys, base: `http://127.0.0.1:${port}`, close: () => server.close() };
}

/** POSTs reports with the test token. */
export function postReports(base: string, body: string, contentType = "application/x-ndjson", token = TOKEN) {
  return fetch(`${base}/api/reports`, {
    method: "POST",
    headers: { "content-type": contentType, authorization: `Bearer ${token}` },
    body,
  });
}

/** A JSON response body; its shape is what the assertions check. */
// biome-ignore lint/suspicious/noExplicitAny: response bodies are asserted on, not trusted.
export type JsonBody = any;

/** Reads a response's JSON body. */
export function readJson(res: Response): Promise<JsonBody> {
  return res.json() as Promise<JsonBody>;
}

/** POSTs a raw interaction body with the given headers. */
export function post(base: string, body: string, headers: Record<string, string>) {
  return fetch(`${base}/interactions`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
}

/** POSTs an interaction signed as Discord signs it, dated NOW by default. */
export function signed(base: string, key: KeyObject, payload: unknown, timestamp = String(Math.floor(NOW / 1000))) {
  const body = JSON.stringify(payload);
  return post(base, body, {
    "x-signature-ed25519": signBody(key, timestamp, body),
    "x-signature-timestamp": timestamp,
  });
}
