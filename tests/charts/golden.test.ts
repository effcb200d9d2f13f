import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { type ChartResult, createChartRenderer } from "../../src/charts/index.js";
import { dayWithIncident, NOW, quiet, SPIKE } from "./fixtures.js";
import { decodePng } from "./png.js";

const { prepareFonts, regionsChart, statusChart } = createChartRenderer();

/** Golden pictures: run with UPDATE_GOLDEN=1 to rewrite them after an intended change, then look at them. */
const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), "golden");
const UPDATE = process.env.UPDATE_GOLDEN === "1";
/** A pixel differs when a channel moves by more than this (anti-aliasing noise across resvg builds). */
const CHANNEL_TOLERANCE = 24;
/** Share of pixels allowed to differ. */
const PIXEL_SHARE = 0.005;

const day = dayWithIncident();
const CASES: [string, () => ChartResult][] = [
  [
    "status-incident-24h",
    () =>
      statusChart({
        serviceName: "GitHub",
        points: day,
        now: NOW,
        incident: { startedAt: day[SPIKE.start]!.at + 120_000, peakAt: day[SPIKE.peak]!.at },
        official: [
          { from: day[SPIKE.start + 2]!.at, to: day[SPIKE.end]!.at, state: "outage" },
          { from: day[SPIKE.end]!.at, to: day[90]!.at, state: "degraded" },
          { from: day[20]!.at, to: day[28]!.at, state: "maintenance" },
        ],
      }),
  ],
  ["status-quiet-7d", () => statusChart({ serviceName: "Slack", points: quiet(168, 3_600_000), now: NOW })],
  [
    "status-quiet-6h",
    () => statusChart({ serviceName: "Steam", points: quiet(24, 15 * 60_000), now: NOW, official: [] }),
  ],
  [
    "regions-1h",
    () =>
      regionsChart({
        serviceName: "Discord",
        window: "1h",
        rows: [
          { region: "US", name: "United States", reports: 1200, usual: 900 },
          { region: "GB", name: "United Kingdom", reports: 440, usual: 100 },
          { region: "DE", name: "Germany", reports: 90, usual: 100 },
          { region: "FR", name: "France", reports: 30, usual: 60 },
          { region: "BR", name: "Brazil", reports: 12, usual: 0 },
        ],
      }),
  ],
];

describe("golden charts", () => {
  // Drawn as the app draws them after start-up: with the cut-down fonts (the full files draw the same).
  beforeAll(async () => {
    expect(await prepareFonts()).toBe(true);
  });

  it.each(CASES)("%s matches its golden picture within tolerance", (name, make) => {
    const result = make();
    if (!result.ok) throw new Error(result.error);
    const file = join(GOLDEN_DIR, `${name}.png`);
    if (UPDATE || !existsSync(file)) {
      if (!UPDATE) throw new Error(`missing golden ${file}: run with UPDATE_GOLDEN=1`);
      mkdirSync(GOLDEN_DIR, { recursive: true });
      writeFileSync(file, result.png);
      return;
    }
    const actual = decodePng(result.png);
    const expected = decodePng(readFileSync(file));
    expect([actual.width, actual.height]).toEqual([expected.width, expected.height]);
    let differing = 0;
    for (let i = 0; i < actual.rgba.length; i += 4) {
      for (let c = 0; c < 4; c++) {
        if (Math.abs(actual.rgba[i + c]! - expected.rgba[i + c]!) > CHANNEL_TOLERANCE) {
          differing++;
          break;
        }
      }
    }
    expect(differing / (actual.width * actual.height)).toBeLessThanOrEqual(PIXEL_SHARE);
  });
});
