import { describe, expect, it } from "vitest";
import { type AlertThread, AlertThreadSchema } from "../../src/alerts/alert-thread.js";
import { composeAlert } from "../../src/alerts/compose-alert.js";
import type { Level } from "../../src/domain/levels.js";
import { T0 } from "./fixtures.js";

const service = { id: "x", name: "X", aliases: [], category: "social" as const };

function thread(level: Level): AlertThread {
  return AlertThreadSchema.parse({
    id: "x-1:c",
    serviceId: "x",
    guildId: "g",
    channelId: "c",
    subscriptionId: "s",
    mode: "edit",
    roleId: null,
    sendResolution: true,
    incidentIds: ["x-1"],
    openIncidentIds: ["x-1"],
    level,
    peakPerMinute: 3158,
    startedAt: T0,
    resolvedAt: null,
    timeline: [],
    desiredVersion: 1,
    sentVersion: 0,
    messageId: null,
    pending: null,
    lastSentAt: null,
    sentLevel: null,
    sentPeakPerMinute: 0,
    attempts: 0,
    notBefore: 0,
    state: "active",
    lastError: null,
  });
}

describe("alert wording", () => {
  it.each([
    ["degraded", "X looks degraded."],
    ["partial_outage", "X has a partial outage."],
    ["major_outage", "X has a major outage."],
  ] as const)("reads %s as a sentence: %s", (level, text) => {
    expect(composeAlert(thread(level), service, null).content).toBe(text);
  });

  it("writes counts with the same separators as every other surface", () => {
    expect(composeAlert(thread("major_outage"), service, null).embeds[0]?.description).toContain(
      "Peak 3,158 reports/min.",
    );
  });
});
