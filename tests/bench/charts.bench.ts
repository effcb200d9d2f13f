import { Resvg } from "@resvg/resvg-js";
import { bench, describe } from "vitest";
import { buildStatusChartSvg, createChartRenderer } from "../../src/charts/index.js";
import { chartFontFiles } from "../../src/charts/render-png.js";
import { dayWithIncident, NOW, quiet, SPIKE } from "../charts/fixtures.js";

const { fontsInUse, prepareFonts, regionsChart, render: renderPng, statusChart } = createChartRenderer();

// As the app after start-up: the cut-down fonts ready (see src/charts/font-subset.ts).
if (!(await prepareFonts())) throw new Error("chart fonts could not be cut down");
console.log(`chart fonts: ${fontsInUse().join(", ")}`);

const day = dayWithIncident();
const input = {
  serviceName: "GitHub",
  points: day,
  now: NOW,
  incident: { startedAt: day[SPIKE.start]!.at + 120_000, peakAt: day[SPIKE.peak]!.at },
  official: [{ from: day[SPIKE.start + 2]!.at, to: day[SPIKE.end]!.at, state: "outage" as const }],
};
const week = { serviceName: "Slack", points: quiet(168, 3_600_000), now: NOW };
/** Baseline: the renderer's fixed cost (font loading, an 800×300 pixmap, PNG encoding) with nothing drawn. */
const EMPTY_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="300"><rect width="800" height="300" fill="#1c2029"/></svg>';
const svg24h = buildStatusChartSvg(input);
const sizes = {
  "status 24h": statusChart(input),
  "status 7d": statusChart(week),
  regions: regionsChart({
    serviceName: "Discord",
    window: "1h",
    rows: ["US", "GB", "DE", "FR", "BR", "IN", "JP", "CA"].map((region, i) => ({
      region,
      name: region,
      reports: 900 - i * 100,
      usual: 100,
    })),
  }),
};
for (const [name, result] of Object.entries(sizes)) {
  console.log(
    `png size ${name}: ${result.ok ? `${(result.png.length / 1024).toFixed(1)} KB` : result.error}; svg ${result.ok ? `${(result.svg.length / 1024).toFixed(1)} KB` : "-"}`,
  );
}
console.log(`png size baseline (empty 800×300): ${(renderPng(EMPTY_SVG).length / 1024).toFixed(1)} KB`);

const UNCUT = {
  font: { fontFiles: chartFontFiles(), loadSystemFonts: false, defaultFontFamily: "Inter" },
  logLevel: "off" as const,
};
/** What renderPng costs with the shipped, uncut font files (see src/charts/font-subset.ts). */
const renderWithUncutFonts = (svg: string): Uint8Array => new Resvg(svg, UNCUT).render().asPng();

/**
 * p50/p99 over interleaved runs (vitest's table has no p50), so load on the machine hits all alike.
 * Wall time and this process's CPU time: on a shared 2-core machine the CPU time is the steadier figure.
 */
function percentiles(runs: number): void {
  const cases: Record<string, () => unknown> = {
    baseline: () => renderPng(EMPTY_SVG),
    "status 24h": () => statusChart(input),
    "status 24h, uncut Inter files": () => renderWithUncutFonts(buildStatusChartSvg(input)),
  };
  const wall: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
  const cpu: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
  for (let i = 0; i < runs; i++) {
    for (const [name, run] of Object.entries(cases)) {
      const c = process.cpuUsage();
      const t = performance.now();
      run();
      wall[name]!.push(performance.now() - t);
      const used = process.cpuUsage(c);
      cpu[name]!.push((used.user + used.system) / 1000);
    }
  }
  const at = (xs: number[], q: number): number =>
    [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
  const baseWall = at(wall.baseline!, 0.5);
  const baseCpu = at(cpu.baseline!, 0.5);
  for (const name of Object.keys(cases)) {
    const w = wall[name]!;
    const c = cpu[name]!;
    console.log(
      `${name}: wall p50 ${at(w, 0.5).toFixed(2)} ms p99 ${at(w, 0.99).toFixed(2)} ms (×${(at(w, 0.5) / baseWall).toFixed(1)} baseline); ` +
        `cpu p50 ${at(c, 0.5).toFixed(2)} ms p99 ${at(c, 0.99).toFixed(2)} ms (×${(at(c, 0.5) / baseCpu).toFixed(1)}); ${runs} runs`,
    );
  }
}
percentiles(Number(process.env.CHART_BENCH_RUNS ?? 300));

const OPTIONS = { time: 1500, warmupIterations: 10 };

describe("charts", () => {
  bench(
    "baseline: render an empty 800×300 SVG to PNG",
    () => {
      renderPng(EMPTY_SVG);
    },
    OPTIONS,
  );
  bench(
    "status chart 24 h: build SVG only",
    () => {
      buildStatusChartSvg(input);
    },
    OPTIONS,
  );
  bench(
    "status chart 24 h: render prebuilt SVG to PNG",
    () => {
      renderPng(svg24h);
    },
    OPTIONS,
  );
  bench(
    "status chart 24 h: validate + SVG + PNG (statusChart)",
    () => {
      statusChart(input);
    },
    OPTIONS,
  );
  bench(
    "status chart 7 d (168 hourly bars): statusChart",
    () => {
      statusChart(week);
    },
    OPTIONS,
  );
});
