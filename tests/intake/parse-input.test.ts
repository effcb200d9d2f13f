import { describe, expect, it } from "vitest";
import { createAggregator } from "../../src/aggregator/index.js";
import { createCatalog } from "../../src/catalog/catalog.js";
import { createRegionDirectory } from "../../src/catalog/regions.js";
import { builtInServices } from "../../src/catalog/services-data.js";
import { createReportIntake, parseReportInput, parseReportLines, submitParsed } from "../../src/intake/index.js";
import { T0 } from "../aggregator/helpers.js";

const ctx = { at: T0, source: "import" as const, sourceName: "day.ndjson" };

describe("report input parsing", () => {
  it("turns a valid line into an offer with its time", () => {
    const parsed = parseReportInput(
      '{"service":"twitter","region":"UK","problem":"login","at":"2025-06-02T00:05:00Z","reporter":"u1"}',
      ctx,
    );
    expect(parsed).toEqual({
      line: 1,
      ok: true,
      offer: {
        service: "twitter",
        region: "UK",
        problem: "login",
        reporter: "u1",
        origin: undefined,
        source: "import",
        sourceName: "day.ndjson",
        at: T0 + 5 * 60_000,
      },
    });
  });

  it("uses the given time and problem 'other' when a line has neither", () => {
    const parsed = parseReportInput({ service: "x", reporter: "u1" }, ctx);
    expect(parsed.ok && parsed.offer).toMatchObject({ at: T0, problem: "other" });
  });

  it.each([
    ["not json", "{oops", /not valid JSON/],
    ["missing reporter", '{"service":"x"}', /reporter/],
    ["bad problem", '{"service":"x","reporter":"u","problem":"smoke"}', /problem/],
    ["bad time", '{"service":"x","reporter":"u","at":"yesterday"}', /at/],
  ])("rejects a line with %s and says why", (_name, line, why) => {
    const parsed = parseReportInput(line, ctx, 7);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toMatch(/^line 7: /);
    expect(!parsed.ok && parsed.message).toMatch(why);
  });

  it("parses NDJSON line by line, skipping blank lines, and a JSON array too", () => {
    const text = '{"service":"x","reporter":"a"}\n\n{bad\n{"service":"x","reporter":"b"}\n';
    expect(parseReportLines(text, ctx).map((p) => [p.line, p.ok])).toEqual([
      [1, true],
      [3, false],
      [4, true],
    ]);
    expect(parseReportLines('[{"service":"x","reporter":"a"}, 5]', ctx).map((p) => p.ok)).toEqual([true, false]);
  });

  it("submits every line, a bad line never stopping the rest, and sums up the reasons", async () => {
    const intake = createReportIntake({
      catalog: createCatalog(builtInServices),
      regions: createRegionDirectory(),
      aggregator: createAggregator(),
      salt: "s",
    });
    const text = [
      '{"service":"x","reporter":"a"}',
      "{bad",
      '{"service":"nosuchthing","reporter":"b"}',
      '{"service":"x","reporter":"a"}',
      '{"service":"x","region":"Narnia","reporter":"c"}',
      '{"service":"github","reporter":"d"}',
    ].join("\n");
    const summary = await submitParsed(intake, parseReportLines(text, ctx));
    expect(summary).toMatchObject({
      accepted: 2,
      rejected: 4,
      byReason: { invalid: 1, unknown_service: 1, duplicate: 1, unknown_region: 1 },
    });
    expect(summary.errors.map((e) => e.line)).toEqual([2, 3, 4, 5]);
    expect(summary.errors[1]!.message).toMatch(/^line 3: Unknown service "nosuchthing"/);
  });
});
