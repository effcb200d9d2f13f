import { describe, expect, it } from "vitest";
import { sparkline } from "../../src/charts/index.js";

describe("sparkline", () => {
  it.each([
    ["empty series", [], {}, ""],
    ["all zeros stay at the floor", [0, 0, 0], {}, "▁▁▁"],
    ["scales from zero to the maximum", [0, 1, 2, 3, 4, 5, 6, 7, 8], {}, "▁▁▂▃▄▅▆▇█"],
    ["a flat non-zero series is full height", [5, 5], {}, "██"],
    ["missing values are spaces", [4, Number.NaN, 8], {}, "▄ █"],
    ["negatives count as zero", [-3, 8], {}, "▁█"],
    ["a fixed max keeps quiet series low", [1, 2], { max: 16 }, "▁▁"],
    ["folding keeps a spike", [1, 1, 1, 9, 1, 1, 1, 1], { width: 4 }, "▁█▁▁"],
    ["width larger than the series does not stretch it", [1, 2], { width: 10 }, "▄█"],
    ["zero width is empty", [1, 2, 3], { width: 0 }, ""],
    ["infinity is full height, the rest at the floor", [1, Number.POSITIVE_INFINITY], {}, "▁█"],
  ])("%s", (_name, values, options, expected) => {
    expect(sparkline(values as number[], options)).toBe(expected);
  });

  it("reads chart points by their report count", () => {
    const points = [0, 4, 8].map((reports, i) => ({ at: i, reports, usual: 2, level: "operational" as const }));
    expect(sparkline(points)).toBe("▁▄█");
  });

  it("is exactly `width` characters for a long series", () => {
    const values = Array.from({ length: 96 }, (_, i) => i % 7);
    expect(Array.from(sparkline(values, { width: 40 }))).toHaveLength(40);
  });
});
