import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Resvg } from "@resvg/resvg-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dayWithIncident, NOW } from "./fixtures.js";

// The cache folder follows TMPDIR when the module loads: point it at a folder of this run's own, so
// deleting subsets here never pulls them from under another process sharing the real one.
const savedTmp = process.env.TMPDIR;
const tmp = mkdtempSync(join(tmpdir(), "outage-bot-font-cache-"));
process.env.TMPDIR = tmp;
const charts = (await import("../../src/charts/index.js")).createChartRenderer();
const { FONT_CACHE_DIR } = await import("../../src/charts/font-subset.js");
const { chartFontFiles } = await import("../../src/charts/render-png.js");
afterAll(() => {
  process.env.TMPDIR = savedTmp;
  rmSync(tmp, { recursive: true, force: true });
});

const full = chartFontFiles();
/** The SVG drawn by resvg with the shipped files directly, as the reference picture. */
const withFullFiles = (svg: string): Uint8Array =>
  new Resvg(svg, {
    font: { fontFiles: full, loadSystemFonts: false, defaultFontFamily: "Inter", sansSerifFamily: "Inter" },
    shapeRendering: 2,
    textRendering: 1,
    logLevel: "off",
  })
    .render()
    .asPng();
const draw = () => charts.statusChart({ serviceName: "GitHub", points: dayWithIncident(), now: NOW });

describe("chart fonts in use", () => {
  beforeAll(() => {
    expect(FONT_CACHE_DIR.startsWith(tmp)).toBe(true);
  });

  it("draws with the shipped files until the subsets exist, then with the subsets", async () => {
    expect(charts.fontsInUse()).toEqual(full);
    const before = draw();
    expect(await charts.prepareFonts()).toBe(true);
    const inUse = charts.fontsInUse();
    expect(inUse).toHaveLength(full.length);
    for (const f of inUse) expect(f.startsWith(FONT_CACHE_DIR)).toBe(true);
    const after = draw();
    if (!before.ok || !after.ok) throw new Error("chart not drawn");
    expect(Buffer.from(after.png).equals(Buffer.from(before.png))).toBe(true);
  });

  it("notices a deleted subset and draws with the shipped files instead of without text", async () => {
    await charts.prepareFonts();
    const subsets = [...charts.fontsInUse()];
    for (const f of subsets) rmSync(f);
    const drawn = draw();
    if (!drawn.ok) throw new Error(drawn.error);
    expect(charts.fontsInUse()).toEqual(full);
    expect(Buffer.from(drawn.png).equals(Buffer.from(withFullFiles(drawn.svg)))).toBe(true);
    expect(await charts.prepareFonts()).toBe(true);
    expect(charts.fontsInUse()).toEqual(subsets);
    for (const f of subsets) expect(existsSync(f)).toBe(true);
  });
});
