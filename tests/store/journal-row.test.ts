import { describe, expect, it } from "vitest";
import type { CrowdReport } from "../../src/domain/report.js";
import { fromJournalEntry, JournalBatchSchema, toJournalRow } from "../../src/store/journal-row.js";

const base: CrowdReport = {
  serviceId: "github",
  region: "DE",
  regionInferred: false,
  problem: "login",
  at: Date.UTC(2026, 11, 3, 18, 0),
  reporterHash: "aB3dE5fG7hI9jK1lM3nO5p",
  originHash: "qR7sT9uV1wX3yZ5aB7cD9e",
  source: "api",
  accountCreatedAt: null,
};

describe("journal rows", () => {
  it.each<[string, CrowdReport]>([
    ["an API report with its token", { ...base, sourceName: "partner" }],
    [
      "a Discord report with an inferred region and an account age",
      {
        ...base,
        source: "discord",
        regionInferred: true,
        accountCreatedAt: Date.UTC(2019, 0, 1),
      },
    ],
    ["a report without a region", { ...base, region: null }],
  ])("give back %s exactly, through JSON and the stored schema", (_what, report) => {
    const stored = JSON.parse(JSON.stringify([toJournalRow(report)]));
    const read = JournalBatchSchema.parse(stored).map(fromJournalEntry);
    expect(read).toStrictEqual([report]);
  });

  it("are a fraction of the objects' JSON", () => {
    const row = JSON.stringify(toJournalRow({ ...base, sourceName: "partner" }));
    const object = JSON.stringify({ ...base, sourceName: "partner" });
    expect(row.length).toBeLessThan(object.length * 0.6);
  });

  it("refuse a row with a field out of place", () => {
    const row = toJournalRow(base);
    expect(JournalBatchSchema.safeParse([[...row.slice(0, 3), "not-a-problem", ...row.slice(4)]]).success).toBe(false);
  });
});
