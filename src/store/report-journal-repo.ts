import { z } from "zod";
import type { CrowdReport } from "../domain/report.js";
import { fromJournalEntry, JournalBatchSchema, toJournalRow } from "./journal-row.js";
import type { KvScope } from "./kv-scope.js";

/**
 * Batches read per round trip when replaying; a run of this many missing numbers ends the journal
 * (numbers are consecutive, a failed write leaves a single gap).
 */
const READ_BATCH = 50;

const MarkSchema = z.number().int().nonnegative();

/** One journalled batch: the reports one request (or one tick of the bot) had accepted. */
export interface JournalBatch {
  seq: number;
  reports: CrowdReport[];
}

/**
 * The journal of accepted crowd reports: each batch is written, under consecutive sequence
 * numbers, before its reports are acknowledged, and replayed on start when the saved aggregator
 * state does not include it yet (its number is above the mark saved after the state).
 */
export interface ReportJournalRepo {
  /** One write per batch: no index to update, so the cost per request stays one statement. */
  append(batch: JournalBatch): Promise<void>;
  /** Batches numbered above `mark`, oldest first. */
  after(mark: number): Promise<JournalBatch[]>;
  /** The number the saved aggregator state includes every batch up to (0 when none). */
  mark(): Promise<number>;
  setMark(seq: number): Promise<void>;
  /** Deletes the batches numbered above `from` and up to `through`, then remembers `through`. */
  trim(from: number, through: number): Promise<void>;
  /** The number every batch up to has been deleted (0 when none). */
  trimmed(): Promise<number>;
}

/** ReportJournalRepo over its key space (`journal:` in the store). */
export function createReportJournalRepo(kv: KvScope): ReportJournalRepo {
  const batches = kv.scope("batch");
  const range = (from: number, through: number) =>
    Array.from({ length: Math.max(0, through - from) }, (_, i) => String(from + 1 + i));
  return {
    append: ({ seq, reports }) => batches.set(String(seq), reports.map(toJournalRow)),
    after: async (mark) => {
      const out: JournalBatch[] = [];
      for (let from = mark; ; from += READ_BATCH) {
        const keys = range(from, from + READ_BATCH);
        const values = await batches.getMany(keys, JournalBatchSchema);
        if (values.every((v) => v === undefined)) return out;
        values.forEach((entries, i) => {
          if (entries !== undefined) out.push({ seq: from + 1 + i, reports: entries.map(fromJournalEntry) });
        });
      }
    },
    mark: async () => (await kv.get("mark", MarkSchema)) ?? 0,
    setMark: (seq) => kv.set("mark", seq),
    trim: async (from, through) => {
      for (let start = from; start < through; start += READ_BATCH) {
        await batches.deleteMany(range(start, Math.min(through, start + READ_BATCH)));
      }
      await kv.set("trimmed", through);
    },
    trimmed: async () => (await kv.get("trimmed", MarkSchema)) ?? 0,
  };
}
