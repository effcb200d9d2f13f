import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { OfficialSnapshotSchema } from "../../src/domain/official.js";
import { readAtlassianSummary } from "../../src/sources/atlassian-source.js";
import { createComponentRegionMapper } from "../../src/sources/component-regions.js";
import { readGoogleIncidents } from "../../src/sources/google-cloud-source.js";
import { readInstatusSummary } from "../../src/sources/instatus-source.js";
import { fixtureJson } from "../support/status-page-server.js";

const regionOf = createComponentRegionMapper();
const ATLASSIAN = ["operational", "minor", "major", "critical", "maintenance", "regions"].map((n) =>
  fixtureJson(`atlassian/${n}.json`),
);
const GOOGLE = fixtureJson("google/incidents.json");

/** Drops the value at one path of a JSON document (schema drift), chosen by `pick`. */
function dropOne(doc: unknown, pick: number): unknown {
  const copy = structuredClone(doc);
  const holders: [Record<string, unknown> | unknown[], string | number][] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) {
      v.forEach((x, i) => {
        holders.push([v, i]);
        walk(x);
      });
    } else if (v && typeof v === "object") {
      for (const [k, x] of Object.entries(v)) {
        holders.push([v as Record<string, unknown>, k]);
        walk(x);
      }
    }
  };
  walk(copy);
  const [holder, key] = holders[pick % holders.length]!;
  if (Array.isArray(holder)) holder.splice(key as number, 1);
  else delete holder[key as string];
  return copy;
}

/** A validated snapshot carries nothing beyond the schema's own fields. */
function expectClean(status: unknown) {
  expect(OfficialSnapshotSchema.parse(status)).toEqual(status);
}

describe("payload properties: nothing unvalidated gets through", () => {
  it("any JSON value gives a clean snapshot or a parse error, never a throw", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        for (const read of [
          readAtlassianSummary(json, regionOf),
          readGoogleIncidents(json, "https://x.example", regionOf),
          readInstatusSummary(json),
        ]) {
          if (read.ok) expectClean(read.status);
          else expect(read.error.kind).toBe("parse");
        }
      }),
      { numRuns: 300 },
    );
  });

  it("a published payload with any one field or item dropped still gives a clean snapshot or a parse error", () => {
    fc.assert(
      fc.property(fc.nat(ATLASSIAN.length - 1), fc.nat(10_000), (which, pick) => {
        const read = readAtlassianSummary(dropOne(ATLASSIAN[which], pick), regionOf);
        if (read.ok) expectClean(read.status);
        else expect(read.error.reason).toMatch(/does not match the expected format/);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.nat(10_000), (pick) => {
        const read = readGoogleIncidents(dropOne(GOOGLE, pick), "https://x.example", regionOf);
        if (read.ok) expectClean(read.status);
      }),
      { numRuns: 200 },
    );
  });

  it("extra fields anywhere are accepted and never passed on", () => {
    const doc = structuredClone(ATLASSIAN[3]) as Record<string, unknown> & { components: Record<string, unknown>[] };
    doc.extra = 1;
    for (const c of doc.components) c.vendor_field = { deep: true };
    const read = readAtlassianSummary(doc, regionOf);
    expect(read.ok).toBe(true);
    if (read.ok) expectClean(read.status);
  });
});
