// A second report by the same person within 15 minutes, through discord.js and the emulator, into
// the real aggregator: it amends the first report's problem instead of being refused.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { CommandContext } from "../../commands/context.js";
import { createAggregator, createStatusBoard } from "../../src/aggregator/index.js";
import type { Aggregator } from "../../src/aggregator/types.js";
import { createCatalog } from "../../src/catalog/catalog.js";
import { createRegionDirectory } from "../../src/catalog/regions.js";
import { builtInServices } from "../../src/catalog/services-data.js";
import { createReportIntake } from "../../src/intake/index.js";
import { type Harness, startHarness } from "./harness.js";

const START = Date.UTC(2026, 10, 26, 12, 0, 30);
const clock = { now: START };
let aggregator: Aggregator;
let h: Harness;

beforeAll(async () => {
  const catalog = createCatalog(builtInServices);
  const regions = createRegionDirectory();
  aggregator = createAggregator();
  const now = () => clock.now;
  const ctx: CommandContext = {
    catalog,
    regions,
    board: createStatusBoard({ catalog, regions, aggregator }),
    intake: createReportIntake({ catalog, regions, aggregator, salt: "amend", now }),
    now,
  };
  h = await startHarness({ ctx });
});
afterAll(async () => h.close());
afterEach(() => {
  expect(h.emulator.violations).toEqual([]);
});

const problems = (serviceId: string) =>
  Object.fromEntries(aggregator.problemCounts(serviceId, 60, clock.now).map((p) => [p.problem, p.reports]));

describe("a second report within 15 minutes amends the first", () => {
  it("/outage report twice: the second changes the problem, the count stays one, and the answer says so", async () => {
    const ana = { user: { id: "300000000000000001" } };
    const first = await h.emulator.inject.command("outage", "report", { service: "github", problem: "other" }, ana);
    expect(first.message?.content).toContain("**Other** problems with **GitHub**");
    clock.now += 4 * 60_000;
    const second = await h.emulator.inject.command("outage", "report", { service: "github", problem: "login" }, ana);
    expect(second.ephemeral).toBe(true);
    expect(second.message?.content).toContain("Amended");
    expect(second.message?.content).toContain("now says **Login** instead of **Other**");
    expect(second.message?.content).toContain(`<t:${Math.floor(START / 1000)}:R>`);
    expect(second.message?.content).not.toContain("already reported");
    expect(problems("github")).toEqual({ login: 1 });
    expect(aggregator.reportCount("github", 60, clock.now)).toBe(1);
  });

  it("the Report button's menu amends the same way", async () => {
    const ben = { user: { id: "300000000000000002" } };
    await h.emulator.inject.command("outage", "report", { service: "slack", problem: "app" }, ben);
    clock.now += 60_000;
    const status = await h.emulator.inject.command("outage", "status", { service: "slack" }, ben);
    const menu = await h.emulator.inject.button(status.message!.id, "outage:report:slack", ben);
    const picked = await h.emulator.inject.select(menu.message!.id, "outage:report-problem:slack", ["payments"], ben);
    expect(picked.message?.content).toContain("now says **Payments** instead of **App**");
    expect(problems("slack")).toEqual({ payments: 1 });
    expect(aggregator.reportCount("slack", 60, clock.now)).toBe(1);
  });

  it("the same problem again is still one report, and the answer says it already counts", async () => {
    const cy = { user: { id: "300000000000000003" } };
    await h.emulator.inject.command("outage", "report", { service: "discord", problem: "app" }, cy);
    const again = await h.emulator.inject.command("outage", "report", { service: "discord", problem: "app" }, cy);
    expect(again.message?.content).toContain("You already reported **Discord** in the last 15 minutes");
    expect(aggregator.reportCount("discord", 60, clock.now)).toBe(1);
  });
});
