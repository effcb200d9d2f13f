import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Resvg } from "@resvg/resvg-js";
import { afterAll, describe, expect, it } from "vitest";
import { stripFont } from "../../src/charts/font-strip.js";
import { chartFontFiles } from "../../src/charts/render-png.js";
import { decodePng } from "./png.js";

const [regular] = chartFontFiles();
const original = readFileSync(regular!);
const stripped = stripFont(original);
const strippedFile = join(tmpdir(), `outage-bot-font-test-${process.pid}.ttf`);
writeFileSync(strippedFile, stripped);
afterAll(() => rmSync(strippedFile, { force: true }));

function draw(fontFile: string, content: string): Uint8Array {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="40"><rect width="600" height="40" fill="#fff"/><text x="8" y="26" font-size="16" fill="#000">${content}</text></svg>`;
  const rendered = new Resvg(svg, {
    font: { fontFiles: [fontFile], loadSystemFonts: false, defaultFontFamily: "Inter" },
  }).render();
  return decodePng(rendered.asPng()).rgba;
}

const inkOf = (rgba: Uint8Array): number => rgba.reduce((n, v, i) => (i % 4 === 0 && v < 128 ? n + 1 : n), 0);

describe("cut-down chart font", () => {
  it("is well under half the size of the shipped file", () => {
    expect(stripped.length).toBeLessThan(original.length / 2);
  });

  it("draws Latin, accented, Greek, Cyrillic and punctuation with the same ink as the original", () => {
    // Kerning is left out, so glyphs may shift by a pixel; the amount of ink and the extent stay.
    const sample = "Thu 12:00 Ünïcödé Привет Ωμέγα Việt — “q” … · ±−% ▲";
    const a = draw(regular!, sample);
    const b = draw(strippedFile, sample);
    expect(inkOf(b)).toBeGreaterThan(500);
    expect(Math.abs(inkOf(a) - inkOf(b)) / inkOf(a)).toBeLessThan(0.03);
    expect(Math.abs(rightmostInk(a) - rightmostInk(b))).toBeLessThanOrEqual(6);
  });

  it("draws a character outside the chart ranges as the missing-glyph box", () => {
    expect(inkOf(draw(strippedFile, "ﬀ"))).toBe(inkOf(draw(strippedFile, "一")));
  });
});

function rightmostInk(rgba: Uint8Array): number {
  let right = 0;
  for (let i = 0; i < rgba.length; i += 4) if (rgba[i]! < 128) right = Math.max(right, (i / 4) % 600);
  return right;
}
