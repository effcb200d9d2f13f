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

describe("meteredIntake, a batch through submitAll", () => {
  it("counts each source's accepted and rejected reports as submit would, API ones left out", async () => {
    const metrics = createMetrics();
    const results: IngestResult[] = [
      { accepted: true },
      { accepted: true },
      { accepted: false, reason: "invalid", message: "bad" },
      { accepted: true },
    ];
    const inner: ReportIntake = {
      submit: async () => ({ accepted: true }),
      submitAll: async (offers) => offers.map((_, i) => results[i]!),
    };
    const intake = meteredIntake(inner, metrics);
    const out = await intake.submitAll!([offer("import"), offer("import"), offer("import"), offer("api")]);
    expect(out).toEqual(results);
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/outagebot_reports_accepted_total\{source="import"\} 2/);
    expect(text).toMatch(/outagebot_reports_rejected_total\{source="import",reason="invalid"\} 1/);
    expect(text).not.toMatch(/outagebot_reports_accepted_total\{source="api"\}/);
  });

  it("offers no submitAll when the intake it wraps has none", () => {
    expect(meteredIntake(answering(), createMetrics()).submitAll).toBeUndefined();
  });
});
