import { describe, expect, it } from "vitest";
import { createAggregator, restoreAggregator } from "../../src/aggregator/index.js";
import type { Aggregator } from "../../src/aggregator/types.js";
import type { CrowdReport } from "../../src/domain/report.js";
import { MIN, report, T0 } from "./helpers.js";

/**
 * Six hours of reports bunched in the first minutes of each quarter hour, their regions and
 * problems changing from quarter to quarter: a window that cuts a quarter hour sees none of it or
 * all of it, never a share.
 */
function day(): CrowdReport[] {
  const out: CrowdReport[] = [];
  for (let m = 0; m < 360; m++) {
    const n = m % 15 < 3 ? 6 + (m % 4) : 0;
    for (let i = 0; i < n; i++)
      out.push(
        report({
          at: T0 + m * MIN + i * 1000,
          region: ["GB", "US", "JP"][Math.floor(m / 15 + i / 4) % 3]!,
          problem: m % 4 === 0 ? "login" : "app",
        }),
      );
  }
  return out;
}

const breakdowns = (agg: Aggregator, minute: number) => {
  const at = T0 + minute * MIN + MIN - 1;
  return { regions: agg.regionCounts("svc", 60, at), problems: agg.problemCounts("svc", 60, at) };
};

describe("regions and problems as of any minute of the day", () => {
  const reports = day();

  it("are exact hours after the head has moved on, not pro-rated quarter hours", () => {
    const later = createAggregator();
    for (const r of reports) later.ingest(r);
    for (const minute of [67, 100, 173, 242]) {
      const then = createAggregator();
      for (const r of reports) if (r.at < T0 + (minute + 1) * MIN) then.ingest(r);
      expect(breakdowns(later, minute)).toEqual(breakdowns(then, minute));
    }
  });

  it("stay exact for reports that arrive late, and across a snapshot", () => {
    const ordered = createAggregator();
    for (const r of reports) ordered.ingest(r);
    let late: Aggregator = createAggregator();
    // The last hour first, then the rest from newest to oldest, with a restart in between.
    const split = reports.findIndex((r) => r.at >= T0 + 300 * MIN);
    for (const r of reports.slice(split)) late.ingest(r);
    late = restoreAggregator(JSON.parse(JSON.stringify(late.snapshot())));
    for (const r of reports.slice(0, split).reverse()) late.ingest(r);
    late = restoreAggregator(JSON.parse(JSON.stringify(late.snapshot())));
    for (const minute of [67, 100, 173, 242, 330])
      expect(breakdowns(late, minute)).toEqual(breakdowns(ordered, minute));
  });

  it("loads state saved before the archive existed: the last hour exact, older minutes from its quarter hours", () => {
    const agg = createAggregator();
    for (const r of reports) agg.ingest(r);
    const snap = JSON.parse(JSON.stringify(agg.snapshot()));
    for (const s of snap.services) {
      delete s.regionArchive;
      delete s.problemArchive;
      delete s.archiveFrom;
    }
    const old = restoreAggregator(snap);
    expect(breakdowns(old, 359)).toEqual(breakdowns(agg, 359));
    const total = (b: { regions: { reports: number }[] }) => b.regions.reduce((n, r) => n + r.reports, 0);
    expect(Math.abs(total(breakdowns(old, 100)) - total(breakdowns(agg, 100)))).toBeLessThanOrEqual(30);
    // New minutes from then on are kept exactly.
    for (let i = 0; i < 5; i++) old.ingest(report({ at: T0 + 400 * MIN + i, region: "FR" }));
    for (let i = 0; i < 3; i++) old.ingest(report({ at: T0 + 470 * MIN + i, region: "GB" }));
    expect(old.regionCounts("svc", 1, T0 + 400 * MIN)).toEqual([{ region: "FR", reports: 5 }]);
  });
});
