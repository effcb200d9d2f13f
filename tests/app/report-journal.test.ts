import { pino } from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createAggregator, restoreAggregator } from "../../src/aggregator/index.js";
import { openReportJournal } from "../../src/app/report-journal.js";
import { openStore, type Store } from "../../src/store/index.js";
import { crowdReports } from "../scale/fixtures/reports.js";

const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);
const FROM = NOW - 10 * 60_000;
const now = () => NOW;

let store: Store;
beforeEach(async () => {
  store = await openStore("memory://", { logger: pino({ level: "silent" }) });
});
afterEach(async () => {
  await store.close();
});

describe("the report journal", () => {
  it("writes the reports recorded in one turn as one batch, and resolves each once it is written", async () => {
    const { journal } = await openReportJournal(store.reportJournal, { aggregator: createAggregator(), now });
    const reports = crowdReports(3, "github", FROM);
    await Promise.all(reports.map((r) => journal.record(r)));
    const batches = await store.reportJournal.after(0);
    expect(batches).toHaveLength(1);
    expect(batches[0]?.reports).toEqual(reports);
  });

  it("replays on open, in order, exactly the reports the saved mark does not include", async () => {
    const first = await openReportJournal(store.reportJournal, { aggregator: createAggregator(), now });
    const saved = crowdReports(4, "github", FROM, 4, "saved");
    await Promise.all(saved.map((r) => first.journal.record(r)));
    // A save: the snapshot's turn cuts the journal; after the write it marks and trims.
    const upTo = first.journal.cut();
    const unsaved = crowdReports(5, "github", FROM, 5, "unsaved");
    await Promise.all(unsaved.map((r) => first.journal.record(r)));
    await first.journal.saved(upTo);

    const aggregator = createAggregator();
    const reopened = await openReportJournal(store.reportJournal, { aggregator, now });
    expect(reopened.replayed).toBe(5);
    expect((await store.reportJournal.after(0)).flatMap((b) => b.reports)).toEqual(unsaved);
    expect(aggregator.stats().services).toBe(1);
  });

  it("replays an amendment over the saved state: the earlier report kept in the snapshot takes the new problem", async () => {
    const first = createAggregator();
    const opened = await openReportJournal(store.reportJournal, { aggregator: first, now });
    const [counted] = crowdReports(1, "github", FROM);
    first.ingest(counted!);
    await opened.journal.record(counted!);
    const upTo = opened.journal.cut();
    const snapshot = JSON.parse(JSON.stringify(first.snapshot()));
    await opened.journal.saved(upTo);
    // After the save: the same person reports again with another problem, then the process dies.
    const amendment = { ...counted!, problem: "payments" as const, at: counted!.at + 3 * 60_000 };
    expect(first.ingest(amendment)).toMatchObject({ accepted: true, amended: { from: "app" } });
    await opened.journal.record(amendment);

    const restarted = restoreAggregator(snapshot);
    const reopened = await openReportJournal(store.reportJournal, { aggregator: restarted, now });
    expect(reopened.replayed).toBe(1);
    expect(restarted.problemCounts("github", 60, NOW)).toEqual([{ problem: "payments", reports: 1 }]);
    expect(restarted.reportCount("github", 60, NOW)).toBe(1);
  });

  it("puts a report recorded after the cut in a batch above the cut, even within the same turn", async () => {
    const { journal } = await openReportJournal(store.reportJournal, { aggregator: createAggregator(), now });
    const [before, after] = crowdReports(2, "github", FROM);
    const written = [journal.record(before!)];
    const upTo = journal.cut();
    written.push(journal.record(after!));
    await Promise.all(written);
    const batches = await store.reportJournal.after(0);
    expect(batches.map((b) => [b.seq <= upTo, b.reports.length])).toEqual([
      [true, 1],
      [false, 1],
    ]);
  });

  it("numbers new batches above those a previous run left", async () => {
    const first = await openReportJournal(store.reportJournal, { aggregator: createAggregator(), now });
    await first.journal.record(crowdReports(1, "github", FROM, 1, "a")[0]!);
    const second = await openReportJournal(store.reportJournal, { aggregator: createAggregator(), now });
    await second.journal.record(crowdReports(1, "github", FROM, 1, "b")[0]!);
    const seqs = (await store.reportJournal.after(0)).map((b) => b.seq);
    expect(seqs).toHaveLength(2);
    expect(seqs[1]).toBeGreaterThan(seqs[0]!);
  });
});
