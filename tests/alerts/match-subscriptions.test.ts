import { describe, expect, it } from "vitest";
import { matchSubscriptions } from "../../src/alerts/match-subscriptions.js";
import { incident, subscription, T0 } from "./fixtures.js";

describe("matchSubscriptions", () => {
  it.each([
    ["the service itself", { target: { kind: "service", serviceId: "github" } }, true],
    ["another service", { target: { kind: "service", serviceId: "gitlab" } }, false],
    ["its category", { target: { kind: "category", category: "dev" } }, true],
    ["another category", { target: { kind: "category", category: "games" } }, false],
    ["everything", { target: { kind: "all" } }, true],
    ["a level above the incident's worst", { minLevel: "major_outage" }, false],
    ["a level at the incident's worst", { minLevel: "partial_outage" }, true],
    ["a region the incident affects", { regions: ["GB"] }, true],
    ["a region the incident does not affect", { regions: ["JP"] }, false],
    ["a paused subscription", { paused: { reason: "gone", at: T0 } }, false],
  ] as const)("matches a subscription to %s: %s", (_name, over, expected) => {
    const sub = subscription(over as Parameters<typeof subscription>[0]);
    expect(matchSubscriptions([sub], incident(), "dev")).toHaveLength(expected ? 1 : 0);
  });

  it("does not count a region with a stray report as affected", () => {
    const sub = subscription({ regions: ["NZ"] });
    const inc = incident({
      regions: [
        { region: "US", reports: 5000 },
        { region: "NZ", reports: 1 },
      ],
    });
    expect(matchSubscriptions([sub], inc, "dev")).toHaveLength(0);
  });
});
