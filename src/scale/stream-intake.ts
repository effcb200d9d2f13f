import type { Catalog, RegionDirectory } from "../catalog/types.js";
import type { ReportIntake } from "../domain/board.js";
import type { IngestResult } from "../domain/report.js";
import { createReportBuilder } from "../intake/report-intake.js";
import type { ReportProducer } from "./report-stream.js";

/** What a gateway's intake needs. */
export interface StreamIntakeDeps {
  catalog: Catalog;
  regions: RegionDirectory;
  /** The deployment's reporter salt (the same in every process: REPORTER_SALT or the stored one). */
  salt: string;
  producer: ReportProducer;
}

/**
 * The ReportIntake of a gateway process: resolves and hashes like the in-process intake, then
 * appends the report to the shared stream. Duplicate and rate-limit decisions stay with the one
 * aggregator, so an accepted result here is `{ accepted: true, queued: true }`: received, not yet
 * counted. Unknown services and regions are still refused at once with the reason.
 */
export function createStreamIntake(deps: StreamIntakeDeps): ReportIntake {
  const build = createReportBuilder(deps);
  return {
    async submit(offer): Promise<IngestResult> {
      const built = build(offer);
      if (!built.ok) return built.result;
      await deps.producer.append([built.report]);
      return { accepted: true, queued: true };
    },
  };
}
