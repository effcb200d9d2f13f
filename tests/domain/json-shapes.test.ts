import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { jsonShapesDoc } from "../../src/domain/json-shapes.js";

const FILE = new URL("../../docs/JSON.md", import.meta.url);

describe("docs/JSON.md", () => {
  it("is the shapes the zod schemas validate, as generated now", () => {
    const doc = jsonShapesDoc();
    if (process.env.UPDATE_DOCS === "1") writeFileSync(FILE, doc);
    expect(existsSync(FILE), "docs/JSON.md is missing: run with UPDATE_DOCS=1").toBe(true);
    expect(readFileSync(FILE, "utf8")).toBe(doc);
  });

  it("documents the bot's own times as ISO 8601 strings in the status report and the incident", () => {
    const all = jsonShapesDoc();
    const status = all.slice(all.indexOf("## Status report"), all.indexOf("## Incident"));
    const incident = all.slice(all.indexOf("## Incident"));
    for (const [doc, field] of [
      [status, "asOf"],
      [status, "since"],
      [incident, "startedAt"],
      [incident, "peakAt"],
      [incident, "updatedAt"],
      [incident, "resolvedAt"],
    ] as const) {
      const at = doc.indexOf(`"${field}": {`);
      expect(at, field).toBeGreaterThan(0);
      expect(doc.slice(at, at + 300), field).toContain('"format": "date-time"');
    }
  });
});
