import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PROBLEMS } from "../../src/domain/problems.js";
import { ReportInputSchema } from "../../src/domain/report.js";
import { reportTime, scanReportLine } from "../../src/domain/report-line.js";

/** What JSON.parse and the schema make of a line: the report, or null when either refuses it. */
function bySchema(line: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  const parsed = ReportInputSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

const withoutUndefined = (value: object) =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));

/** Strings near every edge: plain, empty, too long, with quotes, escapes, control characters. */
const text = (max: number) =>
  fc.oneof(
    fc.string({ minLength: 1, maxLength: max }),
    fc.constantFrom("", "x".repeat(max), "x".repeat(max + 1), 'a"b', "a\\b", "a\nb", "a\u0001b", "é€😀"),
    fc.integer(),
    fc.constant(null),
  );
const at = fc.oneof(
  fc.date({ min: new Date(0), max: new Date(4e12), noInvalidDate: true }).map((d) => d.toISOString()),
  fc
    .date({ min: new Date(0), max: new Date(4e12), noInvalidDate: true })
    .map((d) => `${d.toISOString().slice(0, 19)}Z`),
  fc.constantFrom(
    "2026-02-29T10:00:00Z",
    "2024-02-29T10:00:00Z",
    "2026-11-26T12:00:00+01:00",
    "2026-11-26T12:00:00.5Z",
    "2026-11-26T12:00:00",
    "2026-13-01T00:00:00Z",
    "yesterday",
  ),
  fc.integer(),
);
const field = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const candidate = fc.record(
  {
    service: field(text(100)),
    region: field(text(60)),
    problem: field(fc.oneof(fc.constantFrom(...PROBLEMS, "teleport", ""), fc.integer())),
    at: field(at),
    reporter: field(text(200)),
    origin: field(text(200)),
    extra: field(fc.string()),
  },
  { requiredKeys: [] },
);
/** Lines as files hold them: compact JSON, JSON with spaces, a field repeated, cut short, or noise. */
const line = fc.oneof(
  candidate.map((c) => JSON.stringify(c)),
  candidate.map((c) => JSON.stringify(c, null, 1).replaceAll("\n", "")),
  candidate.map((c) => JSON.stringify(c).replace(/^\{("service":"[^"]*",)/, "{$1$1")),
  fc.tuple(candidate, fc.nat()).map(([c, cut]) => JSON.stringify(c).slice(0, cut)),
  fc.string(),
);

describe("scanReportLine", () => {
  it("gives what JSON.parse and ReportInputSchema give, or leaves the line to them (null)", () => {
    fc.assert(
      fc.property(line, (l) => {
        const scanned = scanReportLine(l);
        if (scanned === null) return;
        expect(withoutUndefined(scanned)).toEqual(bySchema(l));
      }),
      { numRuns: 5000 },
    );
  });

  it("reads the plain compact line itself, fields in any order", () => {
    const l = '{"reporter":"u1","at":"2026-11-26T12:00:00.000Z","service":"x","region":"GB","origin":"g1"}';
    expect(scanReportLine(l)).toEqual({
      service: "x",
      region: "GB",
      problem: "other",
      at: "2026-11-26T12:00:00.000Z",
      reporter: "u1",
      origin: "g1",
    });
  });

  it.each([
    ["spaces", '{"service": "x","reporter":"u1"}'],
    ["an escape", '{"service":"x","reporter":"u\\u0031"}'],
    ["a number", '{"service":"x","reporter":"u1","at":5}'],
    ["an unknown field", '{"service":"x","reporter":"u1","mood":"sad"}'],
    ["a field twice", '{"service":"x","service":"y","reporter":"u1"}'],
    ["an impossible date", '{"service":"x","reporter":"u1","at":"2026-02-29T10:00:00Z"}'],
  ])("leaves a line with %s to JSON.parse and the schema", (_name, l) => {
    expect(scanReportLine(l)).toBeNull();
  });
});

describe("reportTime", () => {
  it("reads a time as Date.parse does, in any order of minutes", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(at.filter((a): a is string => typeof a === "string" && !Number.isNaN(Date.parse(a))))),
        (times) => {
          for (const t of times) expect(reportTime(t)).toBe(Date.parse(t));
        },
      ),
    );
  });
});
