import { describe, expect, it } from "vitest";
import { handleCommand } from "../../commands/index.js";
import type { Incident } from "../../src/domain/incident.js";
import { LEVEL_COLORS } from "../../src/domain/levels.js";
import { fakeBoard, fakeContext, invocation } from "./fakes.js";
import { expectWithinLimits } from "./within-limits.js";
import { GITHUB_OLD_INCIDENT, STARTED, X_INCIDENT, X_STATUS } from "./x-fixture.js";

const board = () => fakeBoard({ incidents: [X_INCIDENT, GITHUB_OLD_INCIDENT], statuses: { x: X_STATUS } });

describe("/outage incidents", () => {
  it("summarises an ongoing incident: start, peak, worst level, duration, regions, problems", async () => {
    const reply = await handleCommand(invocation("incidents"), fakeContext({ board: board() }));
    const embed = reply.embeds?.[0];
    expect(embed?.title).toBe("Ongoing incidents");
    expect(embed?.fields?.[0]?.name).toBe("X · worst 🔴 Major outage · ongoing");
    expect(embed?.fields?.[0]?.value.split("\n")).toEqual([
      `Started <t:${STARTED / 1000}:f> (<t:${STARTED / 1000}:R>)`,
      `Peak <t:${STARTED / 1000 + 1800}:t>: 1,200 reports a minute`,
      "Ongoing for 2 h, now Partial outage",
      "Regions: GB 8,123 · US 6,000",
      "Problems: App 75% · Login 25%",
      "60,000 reports in all",
    ]);
    expect((reply.data as Incident[]).map((i) => i.id)).toEqual(["x-1"]);
  });

  it("adds the vendor's own incident updates", async () => {
    const reply = await handleCommand(invocation("incidents", { service: "x" }), fakeContext({ board: board() }));
    const official = reply.embeds?.[0]?.fields?.find((f) => f.name === "Official updates: X");
    expect(official?.value).toContain("Timeline not loading");
  });

  it("shows recent incidents with how long they lasted", async () => {
    const reply = await handleCommand(invocation("incidents", { state: "recent" }), fakeContext({ board: board() }));
    const github = reply.embeds?.[0]?.fields?.find((f) => f.name.startsWith("GitHub"));
    expect(github?.name).toBe("GitHub · worst 🟠 Partial outage · resolved");
    expect(github?.value).toContain("Lasted 2 h, resolved <t:");
  });

  it("falls back to recent incidents when nothing is ongoing, and says so", async () => {
    const reply = await handleCommand(invocation("incidents", { service: "github" }), fakeContext({ board: board() }));
    expect(reply.embeds?.[0]?.title).toBe("Recent incidents for GitHub");
    expect(reply.embeds?.[0]?.description).toBe("Nothing is ongoing now. 1 found.");
  });

  it("says when there are none", async () => {
    const reply = await handleCommand(invocation("incidents", { state: "active" }), fakeContext());
    expect(reply.embeds?.[0]?.description).toBe("No ongoing incidents.");
  });

  it("shows at most ten of many incidents and stays within limits", async () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ ...X_INCIDENT, id: `x-${i}` }));
    const reply = await handleCommand(invocation("incidents"), fakeContext({ board: fakeBoard({ incidents: many }) }));
    expectWithinLimits(reply);
    expect(reply.embeds?.[0]?.description).toBe("More than 10 found. Showing the latest 10.");
  });
});

describe("/outage incidents colour", () => {
  it("takes the colour of the worst incident listed, not of the newest one", async () => {
    const newerDegraded = {
      ...GITHUB_OLD_INCIDENT,
      id: "gh-2",
      level: "degraded" as const,
      startedAt: X_INCIDENT.startedAt + 60_000,
    };
    const reply = await handleCommand(
      invocation("incidents", { state: "recent" }),
      fakeContext({ board: fakeBoard({ incidents: [newerDegraded, X_INCIDENT] }) }),
    );
    expect(reply.embeds?.[0]?.fields?.[0]?.name).toContain("Degraded");
    expect(reply.embeds?.[0]?.color).toBe(LEVEL_COLORS.major_outage);
  });
});
