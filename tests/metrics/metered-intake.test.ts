import { describe, expect, it } from "vitest";
import type { ReportIntake, ReportOffer } from "../../src/domain/board.js";
import type { IngestResult } from "../../src/domain/report.js";
import { meteredIntake } from "../../src/metrics/metered-intake.js";
import { createMetrics } from "../../src/metrics/metrics.js";

const offer = (source: ReportOffer["source"]): ReportOffer => ({
  service: "github",
  problem: "login",
  reporter: "u1",
  source,
  at: 0,
});

/** An intake that answers the given results in turn. */
function answering(...results: IngestResult[]): ReportIntake {
  return { submit: async () => results.shift() ?? { accepted: true } };
}

describe("meteredIntake", () => {
  it("counts an accepted Discord report by source", async () => {
    const metrics = createMetrics();
    await meteredIntake(answering({ accepted: true }), metrics).submit(offer("discord"));
    expect(await metrics.registry.metrics()).toMatch(/outagebot_reports_accepted_total\{source="discord"\} 1/);
  });

  it("counts a rejected report by source and reason", async () => {
    const metrics = createMetrics();
    const intake = meteredIntake(answering({ accepted: false, reason: "duplicate", message: "again" }), metrics);
    await intake.submit(offer("import"));
    expect(await metrics.registry.metrics()).toMatch(
      /outagebot_reports_rejected_total\{source="import",reason="duplicate"\} 1/,
    );
  });

  it("leaves API reports to the HTTP route, which counts whole batches", async () => {
    const metrics = createMetrics();
    await meteredIntake(answering({ accepted: true }), metrics).submit(offer("api"));
    expect(await metrics.registry.metrics()).not.toMatch(/outagebot_reports_accepted_total\{source="api"\}/);
  });
});
