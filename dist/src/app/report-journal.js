/**
 * Opens the journal: replays into the aggregator, in order, every batch the saved state does not
 * include yet (above the saved mark), then records new batches after the last one.
 */
export async function openReportJournal(repo, options) {
    const mark = await repo.mark();
    let replayed = 0;
    let seq = mark;
    for (const batch of await repo.after(mark)) {
        for (const report of batch.reports)
            if (options.aggregator.ingest(report, options.now()).accepted)
                replayed++;
        seq = Math.max(seq, batch.seq);
    }
    // Batches between the last trim and the mark (a stop between the two) go with the next trim.
    let trimmedThrough = await repo.trimmed();
    let open = null;
    return {
        replayed,
        journal: {
            record(report) {
                if (open === null) {
                    const batch = { seq: ++seq, reports: [], written: Promise.resolve() };
                    batch.written = new Promise((resolve) => setImmediate(resolve)).then(() => {
                        if (open === batch)
                            open = null;
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
//# sourceMappingURL=report-journal.js.map