import { z } from "zod";
import { CrowdReportSchema } from "../domain/report.js";
/**
 * Batches read per round trip when replaying; a run of this many missing numbers ends the journal
 * (numbers are consecutive, a failed write leaves a single gap).
 */
const READ_BATCH = 50;
const BatchSchema = z.array(CrowdReportSchema);
const MarkSchema = z.number().int().nonnegative();
/** ReportJournalRepo over its key space (`journal:` in the store). */
export function createReportJournalRepo(kv) {
    const batches = kv.scope("batch");
    const range = (from, through) => Array.from({ length: Math.max(0, through - from) }, (_, i) => String(from + 1 + i));
    return {
        append: ({ seq, reports }) => batches.set(String(seq), reports),
        after: async (mark) => {
            const out = [];
            for (let from = mark;; from += READ_BATCH) {
                const keys = range(from, from + READ_BATCH);
                const values = await batches.getMany(keys, BatchSchema);
                if (values.every((v) => v === undefined))
                    return out;
                values.forEach((reports, i) => {
                    if (reports !== undefined)
                        out.push({ seq: from + 1 + i, reports });
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
//# sourceMappingURL=report-journal-repo.js.map