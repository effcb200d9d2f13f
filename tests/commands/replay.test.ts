import { beforeAll, describe, expect, it } from "vitest";
import { handleAutocomplete, handleButton, handleCommand } from "../../commands/index.js";
import type { RegionBreakdown } from "../../src/domain/board.js";
import type { Incident } from "../../src/domain/incident.js";
import type { StatusReport } from "../../src/domain/status-report.js";
import { invocation } from "./fakes.js";
import { replayedContext, X_PEAK } from "./replayed.js";
import { expectWithinLimits } from "./within-limits.js";

const HOUR = 3_600_000;
let ctx: ReturnType<typeof replayedContext>;

// One replay of the built-in X outage scenario (a week of history and the day of the outage) for
// the whole file; each test sets the time it asks at.
beforeAll(() => {
  ctx = replayedContext();
});

describe("handlers on a board filled by the replayed X outage", () => {
  it("status at the afternoon peak: a major outage with regions, problems and the incident", async () => {
    ctx.setNow(X_PEAK);
    const reply = await handleCommand(invocation("status", { service: "twitter" }), ctx);
    expectWithinLimits(reply);
    const report = reply.data as StatusReport;
    const embed = reply.embeds?.[0];
    expect(report.level).toBe("major_outage");
    expect(embed?.title).toBe("X: 🔴 Major outage");
    expect(embed?.description).toContain(report.reason);
    expect(embed?.description).toContain(`Since <t:${Date.parse(report.since!) / 1000}:R>`);
    const fields = Object.fromEntries((embed?.fields ?? []).map((f) => [f.name, f.value]));
    expect(fields.Reports).toContain(`**${report.crowd.lastHour.toLocaleString("en-US")}** in the last hour`);
    expect(fields["Top regions"]).toContain("United Kingdom");
    expect(fields["Top problems"]?.split("\n")[0]).toMatch(/^App: \d+%/);
    expect(fields.Incident).toContain("Worst: Major outage");
  });

  it("status with no service at the peak lists X first", async () => {
    ctx.setNow(X_PEAK);
    const reply = await handleCommand(invocation("status"), ctx);
    expect(reply.embeds?.[0]?.description?.split("\n")[0]).toMatch(/^🔴 \*\*X\*\*: Major outage/);
  });

  it("status with no service between the waves says all clear", async () => {
    ctx.setNow(X_PEAK - 90 * 60_000);
    const reply = await handleCommand(invocation("status"), ctx);
    expect(reply.embeds?.[0]?.title).toBe("✅ All clear");
  });

  it("regions at the peak: a table led by the biggest regions, compared with no usual while history is little", async () => {
    ctx.setNow(X_PEAK);
    const reply = await handleCommand(invocation("regions", { service: "x", window: "1h" }), ctx);
    expectWithinLimits(reply);
    const breakdown = reply.data as RegionBreakdown;
    const lines = reply.embeds?.[0]?.description?.split("\n") ?? [];
    const first = breakdown.rows[0]!;
    // The replay's warm-up is days, not the two weeks a usual rate needs.
    expect(breakdown.littleHistory).toBe(true);
    expect(lines[3]).toMatch(
      new RegExp(`^${first.region} ${first.name}\\s+${first.reports.toLocaleString("en-US")}\\s+\\d+%\\s+—$`),
    );
    expect(lines.some((l) => l.startsWith("GB United Kingdom"))).toBe(true);
  });

  it("incidents at the peak: the afternoon incident is ongoing", async () => {
    ctx.setNow(X_PEAK);
    const reply = await handleCommand(invocation("incidents", { service: "x", state: "active" }), ctx);
    const incidents = reply.data as Incident[];
    expect(incidents).toHaveLength(1);
    expect(reply.embeds?.[0]?.fields?.[0]?.name).toMatch(/^X · worst .* · ongoing$/);
  });

  it("incidents at the end of the day: both waves, resolved, with how long each lasted", async () => {
    ctx.setNow(X_PEAK + 9 * HOUR);
    const reply = await handleCommand(invocation("incidents", { state: "recent" }), ctx);
    expectWithinLimits(reply);
    const fields = reply.embeds?.[0]?.fields ?? [];
    expect(fields.filter((f) => f.name.startsWith("X ·"))).toHaveLength(2);
    for (const field of fields) expect(field.value).toMatch(/Lasted \d+ h( \d+ min)?, resolved <t:\d+:R>/);
  });

  it("report at the peak counts once, then says it was already reported", async () => {
    ctx.setNow(X_PEAK);
    const inv = invocation("report", { service: "x", problem: "login", region: "GB" });
    const first = await handleCommand(inv, ctx);
    expect(first.ephemeral).toBe(true);
    expect(first.content).toContain("counted");
    expect(first.embeds?.[0]?.title).toBe("X: 🔴 Major outage");
    const second = await handleCommand(inv, ctx);
    expect(second.content).toContain("You already reported **X** in the last 15 minutes");
  });

  it("autocomplete at the peak puts X first among all services", async () => {
    ctx.setNow(X_PEAK);
    const choices = await handleAutocomplete(invocation("status", { service: "" }), "service", ctx);
    expect(choices).toHaveLength(25);
    expect(choices[0]).toEqual({ name: "X (Major outage now)", value: "x" });
  });

  it("the Refresh button re-reads the board as of now", async () => {
    ctx.setNow(X_PEAK + 9 * HOUR);
    const reply = await handleButton("outage:refresh:x", invocation("status"), ctx);
    expect((reply.data as StatusReport).level).toBe("operational");
  });

  it("services marks X as having problems at the peak", async () => {
    ctx.setNow(X_PEAK);
    const reply = await handleCommand(invocation("services", { category: "social" }), ctx);
    expect(reply.embeds?.[0]?.description).toContain("🔴 X · `x`");
  });
});
