import type { Aggregator } from "../aggregator/types.js";
import type { CrowdReport } from "../domain/report.js";
import type { ReportJournalRepo } from "../store/report-journal-repo.js";

/**
 * Accepted reports on their way to the journal. Reports recorded in one turn of the event loop
 * (every report of one HTTP request) share one batch and one write, so durability costs a write
 * per request, not per report.
 */
export interface ReportJournal {
  /** Records a report the aggregator accepted; resolves once it is written, when it may be acknowledged. */
  record(report: CrowdReport): Promise<void>;
  /**
   * Closes the open batch and returns the sequence number every report ingested so far is at or
   * below. Call it in the same turn as the aggregator snapshot that is about to be saved.
   */
  cut(): number;
  /** After the snapshot taken at `cut` is saved: marks it and drops the batches it includes. */
  saved(seq: number): Promise<void>;
}

/** A journal opened on start: how many reports it replayed into the aggregator. */
export interface OpenedJournal {
  journal: ReportJournal;
  replayed: number;
}

/**
 * Opens the journal: replays into the aggregator, in order, every batch the saved state does not
 * include yet (above the saved mark), then records new batches after the last one.
 */
export async function openReportJournal(
  repo: ReportJournalRepo,
  options: { aggregator: Aggregator; now: () => number },
): Promise<OpenedJournal> {
  const mark = await repo.mark();
  let replayed = 0;
  let seq = mark;
  for (const batch of await repo.after(mark)) {
    for (const report of batch.reports) if (options.aggregator.ingest(report, options.now()).accepted) replayed++;
    seq = Math.max(seq, batch.seq);
  }
  // Batches between the last trim and the mark (a stop between the two) go with the next trim.
  let trimmedThrough = await repo.trimmed();
  let open: { seq: number; reports: CrowdReport[]; written: Promise<void> } | null = null;
  return {
    replayed,
    journal: {
      record(report) {
        if (open === null) {
          const batch = { seq: ++seq, reports: [] as CrowdReport[], written: Promise.resolve() };
          batch.written = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
            if (open === batch) open = null;
            return repo.append({ seq: batch.seq, reports: batch.reports });
          });
          open = batch;
        }
        open.reports.push(report);
        return open.written;
      },
      cut() {
        open = null;
        return seq;
      },
      async saved(upTo) {
        await repo.setMark(upTo);
        await repo.trim(trimmedThrough, upTo);
        trimmedThrough = upTo;
      },
    },
  };
}
