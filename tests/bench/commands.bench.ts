// Handler-only latency of /outage commands on a board filled by the replayed X outage, asked at
// the afternoon peak. The baseline is the board read the status handler itself makes, so the ratio
// shows what building and fitting the reply costs on top of the data.
import { bench, describe } from "vitest";
import { createCommandCharts } from "../../commands/charts.js";
import { handleAutocomplete, handleCommand } from "../../commands/index.js";
import { ChartCache } from "../../src/charts/chart-cache.js";
import { invocation } from "../commands/fakes.js";
import { replayedContext, X_PEAK } from "../commands/replayed.js";

const ctx = replayedContext(X_PEAK);
const withCharts = { ...ctx, charts: createCommandCharts(ctx.board, new ChartCache(8 * 1024 * 1024)) };
const status = invocation("status", { service: "twitter" });
const overview = invocation("status");
const regions = invocation("regions", { service: "x", window: "1h" });
const unknown = invocation("status", { service: "twiter" });
const typed = invocation("status", { service: "" });

/** Times each call itself (ms) and prints p50/p99 after the measured run. */
function timed(name: string, fn: () => Promise<unknown>, time = 1000) {
  const samples: number[] = [];
  bench(
    name,
    async () => {
      const start = performance.now();
      await fn();
      samples.push(performance.now() - start);
    },
    {
      time,
      setup: () => {
        samples.length = 0;
      },
      teardown: (_task, mode) => {
        if (mode !== "run" || samples.length === 0) return;
        const sorted = [...samples].sort((a, b) => a - b);
        const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(4);
        console.log(`[commands bench] ${name}: n=${sorted.length} p50=${at(0.5)} ms p99=${at(0.99)} ms`);
      },
    },
  );
}

describe("commands (handler only, replayed X outage at its peak)", () => {
  timed("baseline: board.status('x') alone", () => ctx.board.status("x", X_PEAK));
  timed("/outage status x (no chart)", () => handleCommand(status, ctx));
  timed("/outage status (services with problems)", () => handleCommand(overview, ctx));
  timed("/outage regions x 1h", () => handleCommand(regions, ctx));
  timed("/outage status twiter (unknown, suggestions)", () => handleCommand(unknown, ctx));
  timed("autocomplete service (empty)", () => handleAutocomplete(typed, "service", ctx));
  timed("/outage status x with chart PNG", () => handleCommand(status, withCharts), 2000);
});
