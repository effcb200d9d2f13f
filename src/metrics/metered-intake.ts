import type { ReportIntake, ReportOffer } from "../domain/board.js";
import type { IngestResult } from "../domain/report.js";
import type { Metrics } from "./metrics.js";

/**
 * An intake that counts Discord and import reports into the report metrics. API reports are left
 * to the HTTP route, which counts a whole batch at once.
 */
export function meteredIntake(intake: ReportIntake, metrics: Metrics): ReportIntake {
  const count = (offer: ReportOffer, result: IngestResult) => {
    if (offer.source === "api") return;
    if (result.accepted) metrics.reportsAccepted.inc({ source: offer.source });
    else metrics.reportsRejected.inc({ source: offer.source, reason: result.reason });
  };
  const metered: ReportIntake = {
    async submit(offer) {
      const result = await intake.submit(offer);
      count(offer, result);
      return result;
    },
  };
  const submitAll = intake.submitAll?.bind(intake);
  if (submitAll) {
    metered.submitAll = async (offers) => {
      const results = await submitAll(offers);
      // Accepted reports are the bulk: one increment per source, not one per report.
      const accepted = new Map<ReportOffer["source"], number>();
      for (const [i, offer] of offers.entries()) {
        const result = results[i]!;
        if (result.accepted && offer.source !== "api")
          accepted.set(offer.source, (accepted.get(offer.source) ?? 0) + 1);
        else count(offer, result);
      }
      for (const [source, n] of accepted) metrics.reportsAccepted.inc({ source }, n);
      return results;
    };
  }
  return metered;
}
