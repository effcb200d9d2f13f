import { guardRefusal } from "../aggregator/reporter-guard.js";
import type { Catalog, RegionDirectory } from "../catalog/types.js";
import type { ReportIntake } from "../domain/board.js";
import type { IngestResult } from "../domain/report.js";
import { createReportBuilder } from "../intake/report-intake.js";
import type { ReportProducer } from "./report-stream.js";
import type { SharedReporterGuard } from "./shared-reporter-guard.js";

/** What a gateway's intake needs. */
export interface StreamIntakeDeps {
  catalog: Catalog;
  regions: RegionDirectory;
  /** The deployment's reporter salt (the same in every process: REPORTER_SALT or the stored one). */
  salt: string;
  producer: ReportProducer;
  /** The reporter guard every gateway shares (Redis): without it, an accepted report is only "queued". */
  guard?: SharedReporterGuard;
}

/**
 * The ReportIntake of a gateway process: resolves and hashes like the in-process intake, asks the
 * shared reporter guard what the report does (counts, amends an earlier one, or is refused as a
 * duplicate or one too many), then appends it to the shared stream, refused ones too: the one
 * aggregator applies the same rules to the same reports (and counts repeated presses towards a
 * flood). An accepted result carries `queued: true`: the aggregator counts it in a moment. Unknown
 * services and regions are refused at once with the reason.
 */
export function createStreamIntake(deps: StreamIntakeDeps): ReportIntake {
  const build = createReportBuilder(deps);
  return {
    async submit(offer): Promise<IngestResult> {
      const built = build(offer);
      if (!built.ok) return built.result;
      const r = built.report;
      const guarded = await deps.guard?.admit(r.reporterHash, r.serviceId, r.at, r.problem);
      await deps.producer.append([r]);
      switch (guarded?.verdict) {
        case "duplicate":
        case "rate_limited":
          return guardRefusal(guarded.verdict);
        case "amended":
          return { accepted: true, queued: true, amended: { from: guarded.from, countedAt: guarded.countedAt } };
        default:
          return { accepted: true, queued: true };
      }
    },
  };
}
