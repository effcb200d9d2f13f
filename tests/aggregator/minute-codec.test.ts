import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeArchive, decodeCoverage, encodeArchive, encodeCoverage } from "../../src/aggregator/minute-codec.js";
import { encodeArray } from "../../src/aggregator/snapshot.js";

/** Coverage lists as OriginCounter.coverage writes them: per origin its count, then its minutes ascending. */
const lists = fc
  .tuple(
    fc.integer({ min: 0, max: 30_000_000 }),
    fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 2_000 }), { maxLength: 60 }), { maxLength: 40 }),
  )
  .map(([base, origins]) =>
    Uint32Array.from(
      origins.flatMap((minutes) => [minutes.length, ...minutes.sort((a, b) => a - b).map((m) => base + m)]),
    ),
  );

/** Archive rows as Breakdown.archiveRows writes them: per minute (in any order), its pair count, then category, count pairs. */
const archive = fc
  .tuple(
    fc.integer({ min: 0, max: 30_000_000 }),
    fc.array(
      fc.tuple(
        fc.integer({ min: 0, max: 2_000 }),
        fc.array(fc.tuple(fc.nat(300), fc.nat(100_000)), { minLength: 1, maxLength: 6 }),
      ),
      { maxLength: 40 },
    ),
  )
  .map(([base, minutes]) =>
    Uint32Array.from(minutes.flatMap(([m, pairs]) => [base + m, pairs.length, ...pairs.flat()])),
  );

describe("minute list codecs", () => {
  it("reads back exactly the lists it wrote", () => {
    fc.assert(
      fc.property(lists, (written) => {
        expect(decodeCoverage(encodeCoverage(written), "coverage")).toEqual(written);
      }),
      { numRuns: 500 },
    );
  });

  it("reads back exactly the archive rows it wrote, minutes in any order", () => {
    fc.assert(
      fc.property(archive, (written) => {
        expect(decodeArchive(encodeArchive(written), "archive")).toEqual(written);
      }),
      { numRuns: 500 },
    );
  });

  it("still reads the plain form of older snapshots", () => {
    const written = Uint32Array.from([2, 29_000_000, 29_000_007, 1, 29_000_100]);
    expect(decodeCoverage(encodeArray(written), "coverage")).toEqual(written);
    const rows = Uint32Array.from([29_000_000, 1, 3, 7, 29_000_002, 2, 0, 1, 4, 2]);
    expect(decodeArchive(encodeArray(rows), "archive")).toEqual(rows);
  });

  it("writes a day of minutes as gaps of about a byte each, not four bytes a minute", () => {
    const day = Uint32Array.from([1440, ...Array.from({ length: 1440 }, (_, i) => 29_000_000 + i)]);
    const text = encodeCoverage(day);
    expect(text.startsWith("gaps:")).toBe(true);
    expect(text.length).toBeLessThan(encodeArray(day).length / 3);
  });

  it("says what is wrong with broken text instead of restoring nonsense", () => {
    expect(() => decodeCoverage("gaps:x:AA==", "coverage")).toThrow(/base minute/);
    expect(() => decodeCoverage(`gaps:5:${Buffer.from([2, 0x80]).toString("base64")}`, "coverage")).toThrow(
      /ends within/,
    );
  });
});
