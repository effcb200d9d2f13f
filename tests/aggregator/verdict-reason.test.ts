import { describe, expect, it } from "vitest";
import { explainVerdict, type ReasonInput } from "../../src/aggregator/verdict-reason.js";

const base: ReasonInput = {
  level: "operational",
  last5: 0,
  last15: 0,
  lastHour: 0,
  weighted5: 0,
  weighted15: 0,
  baselineHour: 8,
  origins: 0,
  usualFor: "Monday 14:00 UTC",
};
const reason = (over: Partial<ReasonInput>) => explainVerdict({ ...base, ...over });

describe("the reason names the rule that decided the level", () => {
  it("says reports stopped, not 'too few', when the last 5 minutes fell silent after a flood", () => {
    const text = reason({ last15: 2000, weighted15: 2000, last5: 0, weighted5: 0, lastHour: 2500, origins: 40 });
    expect(text).toBe(
      "Reports have stopped: 0 in the last 5 min after 2,000 in the last 15 min (2,500 in the last hour).",
    );
    expect(text).not.toContain("too few");
  });

  it("says none came in the last 15 minutes when the hour's reports are all older", () => {
    expect(reason({ lastHour: 2500 })).toBe("No reports in the last 15 min (2,500 in the last hour).");
  });

  it("calls a count too few only when it is under the minimum, with the ratio of the same window", () => {
    // 8 in 15 min against a usual 2 per 15 min: 4×, but fewer than the 10 a problem needs.
    expect(reason({ last15: 8, weighted15: 8, last5: 3, weighted5: 3, lastHour: 9 })).toBe(
      "8 reports in the last 15 min, 4× the usual for Monday 14:00 UTC (9 in the last hour), but that is too few to call a problem: it takes at least 10 in 15 min.",
    );
  });

  it("gives the same ratio the status shows when it is below the 3× that makes a problem", () => {
    // 1 report in 15 min against a usual 0.5 (2 an hour): 2×, the "2×" the status prints beside it.
    expect(reason({ last15: 1, weighted15: 1, lastHour: 1, baselineHour: 2 })).toBe(
      "1 report in the last 15 min, 2× the usual for Monday 14:00 UTC (1 in the last hour): below the 3× that makes a problem.",
    );
  });

  it("says when held-back suspect reports are what leaves too few", () => {
    expect(reason({ last15: 40, weighted15: 6, last5: 20, weighted5: 3, lastHour: 40 })).toContain(
      "after suspect reports are held back",
    );
  });

  it("names the origin cap when the number of servers holds the level", () => {
    const text = reason({
      level: "degraded",
      last15: 600,
      weighted15: 600,
      last5: 200,
      weighted5: 200,
      lastHour: 600,
      origins: 1,
    });
    expect(text).toMatch(/^600 reports in the last 15 min, 300× the usual/);
    expect(text).toContain("Reports from one server only: partial outage needs reports from at least 5.");
  });

  it("says the level is easing when the last 5 minutes alone hold it lower", () => {
    const text = reason({
      level: "degraded",
      last15: 200,
      weighted15: 200,
      last5: 5,
      weighted5: 5,
      lastHour: 200,
      origins: 40,
    });
    expect(text).toContain("Easing: the last 5 minutes alone (5) point to degraded.");
  });
});
