import { describe, expect, it } from "vitest";
import { handleCommand } from "../../commands/index.js";
import type { RegionBreakdown } from "../../src/domain/board.js";
import { fakeBoard, fakeContext, invocation } from "./fakes.js";
import { expectWithinLimits } from "./within-limits.js";

const BREAKDOWN: RegionBreakdown = {
  serviceId: "x",
  window: "6h",
  total: 16123,
  rows: [
    { region: "GB", name: "United Kingdom", reports: 8123, share: 0.5038, usual: 60 },
    { region: "US", name: "United States", reports: 6000, share: 0.3721, usual: 4800 },
    { region: "DE", name: "Germany", reports: 2000, share: 0.124, usual: 0 },
  ],
  officialComponents: [{ name: "London (LHR)", status: "partial_outage", region: "GB" }],
};

describe("/outage regions", () => {
  it("shows a monospace table of counts, shares and change against the usual", async () => {
    const ctx = fakeContext({ board: fakeBoard({ breakdowns: { x: BREAKDOWN } }) });
    const reply = await handleCommand(invocation("regions", { service: "twitter", window: "6h" }), ctx);
    const description = reply.embeds?.[0]?.description ?? "";
    expect(reply.embeds?.[0]?.title).toBe("X: reports by region");
    expect(description.split("\n")).toEqual([
      "16,123 reports in the last 6 hours, by region:",
      "```",
      "Region                    Reports  Share vs usual",
      "GB United Kingdom           8,123    50%     135×",
      "US United States            6,000    37%     +25%",
      "DE Germany                  2,000    12%      new",
      "```",
    ]);
    expect(reply.data).toEqual(BREAKDOWN);
  });

  it("lists official components that name a place", async () => {
    const ctx = fakeContext({ board: fakeBoard({ breakdowns: { x: BREAKDOWN } }) });
    const reply = await handleCommand(invocation("regions", { service: "x" }), ctx);
    expect(reply.embeds?.[0]?.fields).toEqual([
      { name: "Official components by place", value: "GB · London (LHR): partial outage" },
    ]);
  });

  it("fits 200 regions in the embed and says how many more there are", async () => {
    const rows = Array.from({ length: 200 }, (_, i) => ({
      region: `R${i}`,
      name: `Region number ${i} with a long name`,
      reports: 1000 - i,
      share: 0.005,
      usual: 10,
    }));
    const ctx = fakeContext({ board: fakeBoard({ breakdowns: { x: { ...BREAKDOWN, rows, total: 200_000 } } }) });
    const reply = await handleCommand(invocation("regions", { service: "x" }), ctx);
    expectWithinLimits(reply);
    const description = reply.embeds?.[0]?.description ?? "";
    const shown = description.split("\n").filter((l) => /^R\d/.test(l)).length;
    expect(shown).toBeGreaterThan(50);
    expect(description).toMatch(new RegExp(`\`\`\`\\n… and ${200 - shown} more regions \\([\\d,]+ reports\\)$`));
  });

  it("says there are no reports in the window when there are none", async () => {
    const reply = await handleCommand(invocation("regions", { service: "github" }), fakeContext());
    expect(reply.embeds?.[0]?.description).toBe("No reports for GitHub in the last hour.");
  });
});
