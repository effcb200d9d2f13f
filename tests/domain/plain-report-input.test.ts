import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PROBLEMS } from "../../src/domain/problems.js";
import { plainReportInput, ReportInputSchema } from "../../src/domain/report.js";

/** Values near every edge of each field: right, empty, too long, wrong type, absent. */
const text = (max: number) =>
  fc.oneof(
    fc.string({ minLength: 1, maxLength: max }),
    fc.constantFrom("", "x".repeat(max), "x".repeat(max + 1)),
    fc.integer(),
    fc.constant(null),
  );
const at = fc.oneof(
  fc.date({ min: new Date(0), max: new Date(4e12), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom(
    "2026-02-29T10:00:00Z",
    "2024-02-29T10:00:00Z",
    "2026-11-26T12:00:00+01:00",
    "2026-11-26T12:00:00",
    "2026-11-26 12:00:00Z",
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

describe("plainReportInput", () => {
  it("never accepts what ReportInputSchema refuses, and gives what the schema gives", () => {
    fc.assert(
      fc.property(fc.oneof(candidate, fc.anything()), (value) => {
        const plain = plainReportInput(value);
        if (plain === null) return;
        const parsed = ReportInputSchema.safeParse(value);
        expect(parsed.success).toBe(true);
        expect(Object.fromEntries(Object.entries(plain).filter(([, v]) => v !== undefined))).toEqual(parsed.data);
      }),
      { numRuns: 3000 },
    );
  });

  it("takes the plain case itself, the problem defaulted as the schema does", () => {
    const line = { service: "x", region: "GB", at: "2026-11-26T12:00:00.000Z", reporter: "u1", origin: "g1" };
    expect(plainReportInput(line)).toEqual({ ...line, problem: "other" });
    expect(plainReportInput({ service: "x", reporter: "u1", problem: "login" })).toMatchObject({ problem: "login" });
  });

  it("leaves anything doubtful to the schema (null), which then explains it", () => {
    expect(plainReportInput({ service: "x", reporter: "u1", at: "2026-02-29T10:00:00Z" })).toBeNull();
    expect(plainReportInput([{ service: "x", reporter: "u1" }])).toBeNull();
    expect(plainReportInput({ service: "", reporter: "u1" })).toBeNull();
  });
});
