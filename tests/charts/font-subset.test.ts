import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Resvg } from "@resvg/resvg-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CHART_CHARACTERS,
  cachedFontSubset,
  charactersOf,
  subsetFontFile,
  subsetFontFiles,
} from "../../src/charts/font-subset.js";
import { chartFontFiles } from "../../src/charts/render-png.js";
import { decodePng } from "./png.js";

// A cache folder of this run's own, so nothing here touches the one other processes share.
const dir = mkdtempSync(join(tmpdir(), "outage-bot-font-subset-"));
const full = chartFontFiles();
let subsets: string[] = [];
beforeAll(async () => {
  subsets = await Promise.all(full.map((f) => subsetFontFile(f, dir)));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const escapeXml = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** `lines` drawn black on white, one per row, at `weight`, with only `fontFiles` available. */
function draw(fontFiles: string[], lines: string[], weight = 400): Uint8Array {
  const rows = lines
    .map((l, i) => `<text x="4" y="${20 + 24 * i}" font-size="16" font-weight="${weight}">${escapeXml(l)}</text>`)
    .join("");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1400" height="${8 + 24 * lines.length}"><rect width="100%" height="100%" fill="#fff"/>${rows}</svg>`;
  const png = new Resvg(svg, {
    font: { fontFiles, loadSystemFonts: false, defaultFontFamily: "Inter", sansSerifFamily: "Inter" },
    logLevel: "off",
  })
    .render()
    .asPng();
  return decodePng(png).rgba;
}

const inkOf = (rgba: Uint8Array): number => rgba.reduce((n, v, i) => (i % 4 === 0 && v < 128 ? n + 1 : n), 0);

const CELL = { w: 40, h: 32, cols: 60 };

/**
 * Each character alone in a 40×32 cell of one picture, drawn with `fontFiles`: the cells' pixels, in
 * order. Cells keep shaping out of it, so a difference is the glyph itself.
 */
function cells(fontFiles: string[], chars: string[]): Buffer[] {
  const rows = Math.ceil(chars.length / CELL.cols);
  const width = CELL.w * CELL.cols;
  const texts = chars
    .map((ch, i) => {
      const x = (i % CELL.cols) * CELL.w + 8;
      const y = Math.floor(i / CELL.cols) * CELL.h + 22;
      return `<text x="${x}" y="${y}" font-size="16">${escapeXml(ch)}</text>`;
    })
    .join("");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${rows * CELL.h}"><rect width="100%" height="100%" fill="#fff"/>${texts}</svg>`;
  const rgba = decodePng(
    new Resvg(svg, { font: { fontFiles, loadSystemFonts: false, defaultFontFamily: "Inter" }, logLevel: "off" })
      .render()
      .asPng(),
  ).rgba;
  return chars.map((_, i) => {
    const x0 = (i % CELL.cols) * CELL.w;
    const y0 = Math.floor(i / CELL.cols) * CELL.h;
    const rowsOfCell: Uint8Array[] = [];
    for (let y = y0; y < y0 + CELL.h; y++)
      rowsOfCell.push(rgba.subarray((y * width + x0) * 4, (y * width + x0 + CELL.w) * 4));
    return Buffer.concat(rowsOfCell);
  });
}

describe("chart font subset (HarfBuzz via subset-font)", () => {
  it("is under half the size of each shipped file", () => {
    for (const [i, file] of full.entries()) {
      expect(statSync(subsets[i]!).size).toBeLessThan(statSync(file).size / 2);
    }
  });

  it("draws every chart character the full font has exactly as the full font does", () => {
    // The last cell is a character Inter lacks, for the full font's missing-glyph box.
    const chars = [...charactersOf(CHART_CHARACTERS), "一"];
    const before = cells(full, chars);
    const after = cells(subsets, chars);
    const box = before[before.length - 1]!;
    const blank = Buffer.alloc(box.length, 255);
    let same = 0;
    for (const [i, ch] of chars.entries()) {
      if (after[i]!.equals(before[i]!)) same++;
      // hb-subset drops the .notdef outline, so a character Inter lacks is blank instead of a box.
      else
        expect({ ch, blank: after[i]!.equals(blank), wasBox: before[i]!.equals(box) }).toEqual({
          ch,
          blank: true,
          wasBox: true,
        });
    }
    expect(same).toBeGreaterThan(1400);
  });

  it("keeps kerning and Inter's contextual forms, as the full font draws them", () => {
    // "AV"/"To" are kerned pairs; calt lifts the colon in 12:00 and the brackets around capitals.
    const sample = ["AVAWAY To Ty Wa 12:00 (US) 1⁄2 ← → ≤ ≥ ±−× ▲▼", "Ünïcödé Привет Ωμέγα Việt — “q” … · € № ™"];
    const cut = draw(subsets, sample);
    expect(Buffer.from(cut).equals(Buffer.from(draw(full, sample)))).toBe(true);
    const unkerned = draw(subsets, ["A V A W A Y"]);
    expect(Buffer.from(draw(subsets, ["AVAWAY"])).equals(Buffer.from(unkerned))).toBe(false);
  });

  it("keeps the SemiBold file selectable by weight 600 (it does not fall back to Regular)", () => {
    const sample = ["GitHub — crowd reports 1,200 +340%"];
    const bold = draw(subsets, sample, 600);
    expect(Buffer.from(bold).equals(Buffer.from(draw(full, sample, 600)))).toBe(true);
    expect(inkOf(bold)).toBeGreaterThan(inkOf(draw(subsets, sample, 400)) * 1.1);
  });

  it("draws a character outside the chart ranges as blank space, not a box", () => {
    // The full font would draw its missing-glyph box; hb-subset keeps .notdef without an outline.
    expect(inkOf(draw(full, ["ﬀ一"]))).toBeGreaterThan(50);
    expect(inkOf(draw(subsets, ["ﬀ一"]))).toBe(0);
  });

  it("is made once: a second call returns the cached file untouched", async () => {
    const before = statSync(subsets[0]!).mtimeMs;
    expect(await subsetFontFile(full[0]!, dir)).toBe(subsets[0]);
    expect(statSync(subsets[0]!).mtimeMs).toBe(before);
    expect(cachedFontSubset(full[0]!, dir)).toBe(subsets[0]);
  });

  it("is not reported as cached before it was made", () => {
    const empty = mkdtempSync(join(tmpdir(), "outage-bot-font-empty-"));
    try {
      expect(cachedFontSubset(full[0]!, empty)).toBeUndefined();
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it("keeps a file that cannot be cut as it is and reports why", async () => {
    const bogus = join(dir, "not-a-font.ttf");
    writeFileSync(bogus, "this is not a font");
    const result = await subsetFontFiles([bogus, full[0]!], dir);
    expect(result.files).toEqual([bogus, subsets[0]]);
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0]!.file).toBe(bogus);
    expect(readFileSync(bogus, "utf8")).toBe("this is not a font");
  });
});
