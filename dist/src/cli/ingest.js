import { constants, createReadStream } from "node:fs";
import { access } from "node:fs/promises";
import { basename } from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { parseReportInput, submitParsed } from "../aggregator/parse-input.js";
import { UsageError } from "./io.js";
import { openApp } from "./open-app.js";
/** Lines submitted per batch: bounds memory on large files. */
const BATCH = 5_000;
/** Rejections printed one by one; the rest are only counted. */
const MAX_SHOWN = 20;
/** Adds a batch's outcome to the running total. */
function merge(total, part) {
    total.accepted += part.accepted;
    total.rejected += part.rejected;
    for (const [reason, count] of Object.entries(part.byReason)) {
        total.byReason[reason] = (total.byReason[reason] ?? 0) + count;
    }
    total.errors.push(...part.errors.slice(0, MAX_SHOWN - total.errors.length));
}
/** The summary people read: counts, rejections by reason, the first rejected lines. */
function describe(source, summary) {
    const lines = [`${source}: ${summary.accepted} accepted, ${summary.rejected} rejected`];
    for (const [reason, count] of Object.entries(summary.byReason))
        lines.push(`  ${reason}: ${count}`);
    if (summary.errors.length > 0) {
        lines.push(summary.rejected > summary.errors.length ? `first ${summary.errors.length} rejected lines:` : "rejected lines:");
        for (const error of summary.errors)
            lines.push(`  ${error.message}`);
    }
    return `${lines.join("\n")}\n`;
}
/**
 * `outage-bot ingest <file.ndjson|->`: one JSON report per line, in any order, back to 28 days
 * before the newest report of each service (whatever the wall clock says); a bad line is counted
 * and explained, never stops the rest. Saves the aggregator state before exiting. Exits 1 when no
 * line was accepted.
 */
export async function ingest(args, io) {
    const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
    const path = positionals[0];
    if (positionals.length !== 1 || path === undefined) {
        throw new UsageError("ingest takes one file of reports, or - for standard input");
    }
    const fromStdin = path === "-";
    // A missing or unreadable file is an error before the store is touched.
    if (!fromStdin) {
        await access(path, constants.R_OK).catch((error) => {
            throw new Error(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
        });
    }
    const input = fromStdin ? io.stdin : createReadStream(path);
    const sourceName = fromStdin ? "stdin" : basename(path);
    const app = await openApp(io, { persist: false });
    try {
        const total = { accepted: 0, rejected: 0, byReason: {}, errors: [] };
        const context = { at: io.now(), source: "import", sourceName };
        let batch = [];
        let lineNo = 0;
        for await (const text of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
            lineNo++;
            if (text.trim() === "")
                continue;
            batch.push(parseReportInput(text, context, lineNo));
            if (batch.length >= BATCH) {
                merge(total, await submitParsed(app.intake, batch, MAX_SHOWN));
                batch = [];
            }
        }
        merge(total, await submitParsed(app.intake, batch, MAX_SHOWN));
        await app.flush();
        io.stdout.write(describe(sourceName, total));
        if (total.accepted === 0) {
            io.stderr.write(`${sourceName}: no report was accepted${total.rejected === 0 ? " (no reports in the input)" : ""}: nothing was imported\n`);
            return 1;
        }
        return 0;
    }
    finally {
        await app.close();
    }
}
//# sourceMappingURL=ingest.js.map