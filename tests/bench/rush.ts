/**
 * The rush: 1,000 `/outage status <service>` commands over 10 services in an outage, through the
 * real discord.js client and the loopback Discord emulator (in a worker thread, as Discord is
 * another machine), one after another; then 1,000 `/outage regions` and 1,000 autocomplete
 * keystrokes. The floor, run alternately in the same sitting against a fresh emulator: a bare
 * discord.js bot answering a constant embed (tests/bench/rush/floor-bot.ts). outage-bot runs as
 * `start` wires it: real catalog, aggregator board, one chart cache, charts drawn ahead at the start
 * of the minute. Prints p50/p99 of each and the ratios (goal: p50 ≤ 2×, p99 ≤ 3× the floor), and
 * the chart cache's memory. Run: `node --import tsx tests/bench/rush.ts` (ROUNDS=n, default 2).
 */
import { loadavg } from "node:os";
import { Worker } from "node:worker_threads";
import { pino } from "pino";
import { createCommandCharts } from "../../commands/charts.js";
import { createChartWarmer } from "../../src/app/chart-warmer.js";
import { ChartCache } from "../../src/charts/chart-cache.js";
import { createChartRenderer } from "../../src/charts/index.js";
import { createDiscordBot } from "../../src/discord/index.js";
import type { Ask } from "./rush/emulator-worker.js";
import { startFloorBot } from "./rush/floor-bot.js";
import { RUSH_MINUTE, RUSH_SERVICES, rushContext } from "./rush/outage-board.js";

const ROUNDS = Number(process.env.ROUNDS ?? 2);
const N = 1_000;
const WARMUP = 100;

const status: Ask[] = Array.from({ length: N }, (_, i) => ({
  command: "outage",
  subcommand: "status",
  options: { service: RUSH_SERVICES[i % RUSH_SERVICES.length]! },
}));
const regions: Ask[] = status.map((a) => ({ ...a, subcommand: "regions" }));
// Keystrokes of the ten names, as people type them: "x", "g", "gi", "git", …
const keystrokes = RUSH_SERVICES.flatMap((id) => Array.from({ length: id.length }, (_, k) => id.slice(0, k + 1)));
const autocomplete: Ask[] = Array.from({ length: N }, (_, i) => ({
  command: "outage",
  subcommand: "status",
  options: { service: keystrokes[i % keystrokes.length]! },
  focused: "service",
}));
const KINDS = { status, regions, autocomplete } as const;
type Kind = keyof typeof KINDS;

interface Remote {
  start(): Promise<string>;
  run(asks: Ask[]): Promise<{ latencies: number[]; withFile: number; choices: number }>;
  close(): Promise<void>;
  terminate(): Promise<number>;
}

function emulatorWorker(): Promise<Remote> {
  const entry = new URL("./rush/emulator-worker.ts", import.meta.url).href;
  const boot = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
  const worker = new Worker(boot, { eval: true });
  let failed: (error: unknown) => void = () => undefined;
  worker.on("error", (error) => failed(error));
  const next = (type: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      failed = reject;
      const onMessage = (msg: Record<string, unknown>) => {
        if (msg.type !== type) return;
        worker.off("message", onMessage);
        resolve(msg);
      };
      worker.on("message", onMessage);
    });
  const ask = async (msg: object, type: string) => {
    const reply = next(type);
    worker.postMessage(msg);
    return reply;
  };
  return next("ready").then(() => ({
    start: async () => String((await ask({ type: "start" }, "started")).apiUrl),
    run: async (asks) => (await ask({ type: "run", asks }, "ran")) as never,
    close: async () => {
      await ask({ type: "close" }, "closed");
    },
    terminate: () => worker.terminate(),
  }));
}

const pct = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};
const ms = (x: number) => `${x.toFixed(2)} ms`;

/** Runs every kind of ask (or the ones named) against one bot on a fresh emulator. */
async function measure(
  remote: Remote,
  startBot: (apiUrl: string) => Promise<{ stop(): Promise<void> }>,
  kinds = Object.keys(KINDS) as Kind[],
) {
  const apiUrl = await remote.start();
  const bot = await startBot(apiUrl);
  const out = {} as Record<Kind, { latencies: number[]; withFile: number; choices: number }>;
  try {
    for (const kind of kinds) {
      await remote.run(KINDS[kind].slice(0, WARMUP));
      out[kind] = await remote.run(KINDS[kind]);
    }
  } finally {
    await bot.stop();
    await remote.close();
  }
  return out;
}

// Cut the chart fonts once on this machine: every renderer below finds them in the cache.
await createChartRenderer().prepareFonts();
const remote = await emulatorWorker();
const silent = pino({ level: "silent" });
let cacheStats = "";
/** outage-bot as `start` wires it; `cacheBytes` 1 keeps nothing (every answer draws its chart, as before issue 18). */
const outageBot = (cacheBytes: number) => async (apiUrl: string) => {
  const ctx = rushContext();
  const cache = new ChartCache(cacheBytes);
  const charts = createCommandCharts(ctx.board, cache, silent);
  // As `start` does at the start of each minute: the services with problems are drawn ahead.
  const warmer = createChartWarmer({ board: ctx.board, charts, cache, now: ctx.now, logger: silent });
  await warmer.warm(RUSH_MINUTE + 1_000);
  const bot = createDiscordBot({ token: "rush-bench", apiUrl, ctx: { ...ctx, charts, log: silent }, logger: silent });
  await bot.start();
  return {
    stop: async () => {
      const s = cache.stats();
      cacheStats = `chart cache after the run: ${s.entries} charts, ${(s.bytes / 1024).toFixed(0)} KiB of ${s.maxBytes / 1024 / 1024} MiB; ${s.renders} drawn, ${s.hits} hits, ${s.joined} joined a drawing`;
      await bot.stop();
    },
  };
};

const lines = [`rush bench ${new Date().toISOString()}, load average at start ${loadavg()[0]!.toFixed(2)}`];
const all: Record<"floor" | "bot", Record<Kind, number[]>> = {
  floor: { status: [], regions: [], autocomplete: [] },
  bot: { status: [], regions: [], autocomplete: [] },
};
for (let round = 1; round <= ROUNDS; round++) {
  const floor = await measure(remote, startFloorBot);
  const bot = await measure(remote, outageBot(64 * 1024 * 1024));
  for (const kind of Object.keys(KINDS) as Kind[]) {
    const f = floor[kind].latencies;
    const b = bot[kind].latencies;
    all.floor[kind].push(...f);
    all.bot[kind].push(...b);
    const extra = kind === "autocomplete" ? `${bot[kind].choices} with choices` : `${bot[kind].withFile} with a chart`;
    lines.push(
      `round ${round} ${kind.padEnd(12)} floor p50 ${ms(pct(f, 0.5))} p99 ${ms(pct(f, 0.99))} · outage-bot p50 ${ms(pct(b, 0.5))} p99 ${ms(pct(b, 0.99))} (${extra}) · ratio p50 ${(pct(b, 0.5) / pct(f, 0.5)).toFixed(2)}× p99 ${(pct(b, 0.99) / pct(f, 0.99)).toFixed(2)}× · load ${loadavg()[0]!.toFixed(2)}`,
    );
  }
  lines.push(cacheStats);
}
for (const kind of Object.keys(KINDS) as Kind[]) {
  const f = all.floor[kind];
  const b = all.bot[kind];
  lines.push(
    `all rounds ${kind.padEnd(12)} floor p50 ${ms(pct(f, 0.5))} p99 ${ms(pct(f, 0.99))} · outage-bot p50 ${ms(pct(b, 0.5))} p99 ${ms(pct(b, 0.99))} · ratio p50 ${(pct(b, 0.5) / pct(f, 0.5)).toFixed(2)}× (goal ≤ 2) p99 ${(pct(b, 0.99) / pct(f, 0.99)).toFixed(2)}× (goal ≤ 3)`,
  );
}
// For comparison, the same status asks with no cache: each answer draws its chart (the "before").
const uncached = await measure(remote, outageBot(1), ["status"]);
const u = uncached.status.latencies;
lines.push(
  `no chart cache: status p50 ${ms(pct(u, 0.5))} p99 ${ms(pct(u, 0.99))} · ${(pct(u, 0.5) / pct(all.floor.status, 0.5)).toFixed(1)}× / ${(pct(u, 0.99) / pct(all.floor.status, 0.99)).toFixed(1)}× the floor · load ${loadavg()[0]!.toFixed(2)}`,
);
await remote.terminate();
process.stdout.write(`${lines.join("\n")}\n`);
