import { describe, expect, it } from "vitest";
import { createChartRenderer } from "../../src/charts/index.js";
import { plotArea, STATUS_CHART_SIZE } from "../../src/charts/status-chart.js";
import { LEVEL_COLOURS, THEME } from "../../src/charts/theme.js";
import { dayWithIncident, NOW, SPIKE, STEP } from "./fixtures.js";
import { countPixels, decodePng, type Image, near, pixel } from "./png.js";

const { statusChart } = createChartRenderer();
const points = dayWithIncident();
const incidentStart = points[SPIKE.start]!.at + 2 * 60_000;
const input = {
  serviceName: "GitHub",
  points,
  now: NOW,
  incident: { startedAt: incidentStart, peakAt: points[SPIKE.peak]!.at },
  official: [{ from: points[SPIKE.start + 2]!.at, to: points[SPIKE.end]!.at, state: "outage" as const }],
};

function render(): Image {
  const result = statusChart(input);
  if (!result.ok) throw new Error(result.error);
  return decodePng(result.png);
}

const img = render();
const plot = plotArea(STATUS_CHART_SIZE.width, STATUS_CHART_SIZE.height, true);
const start = points[0]!.at;
const xOf = (t: number): number => plot.left + ((t - start) / (24 * 3_600_000)) * (plot.right - plot.left);
const centreOf = (bucket: number): number => Math.round(xOf(points[bucket]!.at + STEP / 2));

describe("status chart PNG", () => {
  it("is 800 by 300 pixels", () => {
    expect([img.width, img.height]).toEqual([800, 300]);
  });

  it("is not blank: the card is opaque and many colours are drawn", () => {
    expect(pixel(img, 400, 150)[3]).toBe(255);
    const colours = new Set<number>();
    for (let i = 0; i < img.rgba.length; i += 4)
      colours.add((img.rgba[i]! << 16) | (img.rgba[i + 1]! << 8) | img.rgba[i + 2]!);
    expect(colours.size).toBeGreaterThan(50);
  });

  it("draws the spike column tall in the major-outage colour and a quiet column short", () => {
    const midY = (plot.top + plot.bottom) / 2;
    expect(near(pixel(img, centreOf(SPIKE.peak), midY), LEVEL_COLOURS.major_outage)).toBe(true);
    const quietColumn = centreOf(10);
    expect(near(pixel(img, quietColumn, midY), THEME.card, 12)).toBe(true);
    expect(near(pixel(img, quietColumn, plot.bottom - 2), LEVEL_COLOURS.operational, 40)).toBe(true);
  });

  it("puts the incident start marker at the x of the incident start", () => {
    const x = Math.round(xOf(incidentStart));
    const isMarker = (p: number[]) => near(p, THEME.incident, 40);
    expect(countPixels(img, x - 1, plot.top, x + 2, plot.bottom, isMarker)).toBeGreaterThan(40);
    expect(countPixels(img, x - 40, plot.top, x - 37, plot.bottom, isMarker)).toBe(0);
  });

  it("draws the official outage strip under the end of the spike and not under a quiet hour", () => {
    const stripY = plot.bottom + 12;
    const isOutage = (p: number[]) => near(p, "#d55e00", 40);
    expect(
      countPixels(img, centreOf(SPIKE.end - 3) - 3, stripY - 4, centreOf(SPIKE.end - 3) + 3, stripY + 4, isOutage),
    ).toBeGreaterThan(5);
    expect(countPixels(img, centreOf(20) - 3, stripY - 4, centreOf(20) + 3, stripY + 4, isOutage)).toBe(0);
  });

  it("renders the title text with the shipped font", () => {
    const glyphs = countPixels(img, 16, 12, 200, 34, (p) => near(p, THEME.text, 30));
    expect(glyphs).toBeGreaterThan(100);
  });
});
