import { generateKeyPairSync, sign } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { Agent, createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { afterAll, bench, describe } from "vitest";
import type { CommandContext } from "../../commands/context.js";
import { createAggregator } from "../../src/aggregator/index.js";
import { openReportJournal } from "../../src/app/report-journal.js";
import { createCatalog } from "../../src/catalog/catalog.js";
import { createRegionDirectory } from "../../src/catalog/regions.js";
import { builtInServices } from "../../src/catalog/services-data.js";
import type { StatusBoard } from "../../src/domain/board.js";
import { readBody } from "../../src/http/body.js";
import { createHttpServer } from "../../src/http/index.js";
import { createInteractionVerifier } from "../../src/http/signature.js";
import { createReportIntake } from "../../src/intake/index.js";
import { createMetrics } from "../../src/metrics/metrics.js";
import { openStore } from "../../src/store/index.js";

// POST /api/reports with 1,000-line NDJSON batches over loopback, 4 requests in flight, through the
// real intake and aggregator, against a server that only reads the same bytes (the HTTP floor).
const BATCH = 1_000;
const CONCURRENCY = 4;
const TOKEN = "bench-token-0123456789abcdef";
const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);

const catalog = createCatalog(builtInServices);
const regions = createRegionDirectory();
const aggregator = createAggregator();
const intake = createReportIntake({ catalog, regions, aggregator, salt: "bench-salt-0123456789", now: () => NOW });
const ctx: CommandContext = { catalog, regions, board: {} as StatusBoard, intake, now: () => NOW };
const apiServer = (context: CommandContext) =>
  createHttpServer({
    ctx: context,
    metrics: createMetrics(),
    logger: pino({ level: "silent" }),
    config: {
      API_TOKENS: `bench:${TOKEN}`,
      API_RATE_LIMIT_PER_MIN: 0,
      HTTP_BODY_LIMIT_BYTES: 4 * 1024 * 1024,
      HTTP_MAX_REPORTS_PER_REQUEST: 5_000,
      HTTP_CACHE_MAX_AGE_S: 15,
      DISCORD_MAX_CLOCK_SKEW_S: 300,
    },
  });
const api = apiServer(ctx);
const apiPort = (await api.listen(0)).port;
// The same pipeline with accepted reports journalled to a SQLite file before each answer (production).
const journalDir = mkdtempSync(join(tmpdir(), "outage-bench-journal-"));
const journalStore = await openStore(`sqlite://${join(journalDir, "bench.sqlite")}`, {
  logger: pino({ level: "silent" }),
});
const journalAggregator = createAggregator();
const { journal } = await openReportJournal(journalStore.reportJournal, {
  aggregator: journalAggregator,
  now: () => NOW,
});
const journalled = apiServer({
  ...ctx,
  intake: createReportIntake({
    catalog,
    regions,
    aggregator: journalAggregator,
    salt: "bench-salt-0123456789",
    now: () => NOW,
    journal,
  }),
});
const journalledPort = (await journalled.listen(0)).port;
// The same route with an intake that accepts without looking: HTTP + auth + parse + validation only.
const edge = apiServer({ ...ctx, intake: { submit: async () => ({ accepted: true }) } });
const edgePort = (await edge.listen(0)).port;

const floor = createServer(async (req, res) => {
  const body = await readBody(req, 4 * 1024 * 1024);
  res.writeHead(200, { "content-type": "application/json" });
  res.end(`{"bytes":${body.length}}`);
});
await new Promise<void>((resolve) => floor.listen(0, "127.0.0.1", resolve));
const floorPort = (floor.address() as AddressInfo).port;

const services = catalog
  .all()
  .slice(0, 40)
  .map((s) => s.id);
const problems = ["app", "website", "login", "connection"];
let reporter = 0;
/** A fresh batch each call: distinct reporters, so most reports are counted rather than deduplicated. */
function batch(): Buffer {
  const lines: string[] = [];
  for (let i = 0; i < BATCH; i++) {
    reporter += 1;
    lines.push(
      JSON.stringify({
        service: services[i % services.length],
        region: i % 3 === 0 ? "GB" : "US",
        problem: problems[i % problems.length],
        reporter: `user-${reporter}`,
        origin: `guild-${reporter % 500}`,
      }),
    );
  }
  return Buffer.from(lines.join("\n"));
}
// Enough distinct batches that a run never re-posts one: a repeat would only count duplicates.
const batches = Array.from({ length: 480 }, batch);
console.log(`batch: ${BATCH} reports, ${(batches[0]!.length / 1024).toFixed(0)} KB`);

const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
let next = 0;
function post(port: number, path: string): Promise<number> {
  const body = batches[next++ % batches.length]!;
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        path,
        method: "POST",
        agent,
        headers: {
          "content-type": "application/x-ndjson",
          "content-length": body.length,
          authorization: `Bearer ${TOKEN}`,
        },
      },
      (res) => {
        res.resume();
        res.on("end", () =>
          res.statusCode === 200 ? resolve(res.statusCode) : reject(new Error(`status ${res.statusCode}`)),
        );
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}
const round = (port: number, path: string) => Promise.all(Array.from({ length: CONCURRENCY }, () => post(port, path)));

afterAll(async () => {
  agent.destroy();
  await api.close();
  await edge.close();
  await journalled.close();
  await journalStore.close();
  rmSync(journalDir, { recursive: true, force: true });
  floor.close();
  const stats = aggregator.stats?.();
  console.log(`reports per round: ${BATCH * CONCURRENCY}; aggregator after the run: ${JSON.stringify(stats)}`);
});

describe(`POST ${BATCH}-line NDJSON batches, ${CONCURRENCY} in flight (1 op = ${BATCH * CONCURRENCY} reports)`, () => {
  bench("baseline: server that only reads the body", () => round(floorPort, "/").then(() => undefined), {
    time: 3_000,
  });
  bench(
    "POST /api/reports, intake that accepts without looking (HTTP edge only)",
    () => round(edgePort, "/api/reports").then(() => undefined),
    { time: 3_000 },
  );
  bench(
    "POST /api/reports (parse, validate, intake, aggregator)",
    () => round(apiPort, "/api/reports").then(() => undefined),
    {
      time: 3_000,
    },
  );
  bench(
    "POST /api/reports, each request's accepted reports journalled to a SQLite file before the answer",
    () => round(journalledPort, "/api/reports").then(() => undefined),
    { time: 3_000 },
  );
});

// Ed25519 verification of one interaction: the cost the endpoint adds per request.
const { privateKey, publicKey } = generateKeyPairSync("ed25519");
const publicHex = publicKey.export({ format: "der", type: "spki" }).subarray(-32).toString("hex");
const verify = createInteractionVerifier(publicHex, 300);
const body = Buffer.from(JSON.stringify({ type: 2, data: { name: "outage", options: [{ name: "status", type: 1 }] } }));
const timestamp = String(Math.floor(NOW / 1000));
const signature = sign(null, Buffer.concat([Buffer.from(timestamp), body]), privateKey).toString("hex");
if (verify(signature, timestamp, body, NOW) !== null) throw new Error("bench signature does not verify");

describe("interaction signature check (1 op = 1 request)", () => {
  bench("baseline: JSON.parse of the same body", () => {
    JSON.parse(body.toString("utf8"));
  });
  bench("Ed25519 verify (node:crypto, key object built once)", () => {
    verify(signature, timestamp, body, NOW);
  });
});
