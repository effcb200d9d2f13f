import { describe, expect, it } from "vitest";
import { LEVELS, levelRank, worstLevel } from "../../src/domain/levels.js";

describe("levels", () => {
  it.each(LEVELS.map((level, rank) => [level, rank] as const))("ranks %s as %i", (level, rank) => {
    expect(levelRank(level)).toBe(rank);
  });

  it("picks the more severe of two levels whichever comes first", () => {
    expect(worstLevel("degraded", "major_outage")).toBe("major_outage");
    expect(worstLevel("major_outage", "degraded")).toBe("major_outage");
  });
});
