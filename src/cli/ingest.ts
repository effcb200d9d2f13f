import { createHash } from "node:crypto";
import { constants, createReadStream } from "node:fs";
import { access, stat } from "node:fs/promises";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import type { Catalog } from "../catalog/types.js";
import type { ReportOffer } from "../domain/board.js";
import { type ParsedLine, parseReportInput, type SubmitSummary, submitParsed } from "../intake/parse-input.js";
import { IdentityList, IdentitySet, reportIdentity } from "../intake/report-identity.js";
import { createImportRepo, type ImportIdentities } from "../store/import-repo.js";
import { ingestProgress } from "./ingest-progress.js";
import type { CliIo } from "./io.js";
import { UsageError } from "./io.js";
import { openApp } from "./open-app.js";
import { readLineChunks } from "./read-lines.js";

/** Bytes read at a time: a chunk's lines are parsed and counted as one batch, so memory stays bounded. */
const READ_CHUNK = 1 << 20;
/** Rejections printed one by one; the rest are only counted. */
const MAX_SHOWN = 20;

/** SHA-256 of a file's bytes, read as a stream. */
async function fileDigest(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path, { highWaterMark: READ_CHUNK })) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** Report identities are kept as long as the history they could double: 28 days of hourly counts. */
const IDENTITY_HORIZON_MS = 28 * 24 * 3_600_000;

/**
 * Looks each report up among the identities of earlier imports (a report with its own time and a
 * reporter), and collects this file's. `check` gives the earlier file that held the report, or null.
 */
function createIdentityCheck(catalog: Catalog, earlier: ImportIdentities[]) {
  const sets = earlier.map((e) => ({ file: e.file, ids: IdentitySet.decode(e.ids) }));
  const serviceIds = new Map<string, string>();
  const fresh = new IdentityList();
  let newest = 0;
  return {
    fresh,
    get newest() {
      return newest;
    },
    check(offer: ReportOffer, importedAt: number): string | null {
      // Only a report that carries its own time can be told apart from another (a line without
      // "at" takes the time of the import).
      if (offer.at === importedAt) return null;
      let id = serviceIds.get(offer.service);
      if (id === undefined) {
        id = catalog.resolve(offer.service)?.id ?? offer.service;
        if (serviceIds.size < 10_000) serviceIds.set(offer.service, id);
      }
      const identity = reportIdentity(id, offer.reporter, offer.at);
      for (const set of sets) if (set.ids.has(identity)) return set.file;
      // Repeats within the file are the guard's business (duplicates); the list is made unique once, at the end.
      fresh.add(identity);
      if (offer.at > newest) newest = offer.at;
      return null;
    },
  };
}

/** A line refused because an earlier import held the same report. */
function alreadyImported(line: number, file: string): SubmitSummary {
  return {
    accepted: 0,
    rejected: 1,
    byReason: { duplicate: 1 },
    errors: [{ line, reason: "duplicate", message: `line ${line}: already imported (in ${file}): counted once` }],
  };
}

/** Adds a batch's outcome to the running total. */
function merge(total: SubmitSummary, part: SubmitSummary): void {
  total.accepted += part.accepted;
  total.rejected += part.rejected;
  for (const [reason, count] of Object.entries(part.byReason) as [keyof SubmitSummary["byReason"], number][]) {
    total.byReason[reason] = (total.byReason[reason] ?? 0) + count;
  }
  total.errors.push(...part.errors.slice(0, MAX_SHOWN - total.errors.length));
}

/** The summary people read: counts, rejections by reason, the first rejected lines. */
function describe(source: string, summary: SubmitSummary): string {
  const lines = [`${source}: ${summary.accepted} accepted, ${summary.rejected} rejected`];
  for (const [reason, count] of Object.entries(summary.byReason)) lines.push(`  ${reason}: ${count}`);
  if (summary.errors.length > 0) {
    lines.push(
      summary.rejected > summary.errors.length ? `first ${summary.errors.length} rejected lines:` : "rejected lines:",
    );
    for (const error of summary.errors) lines.push(`  ${error.message}`);
  }
  return `${lines.join("\n")}\n`;
}

/**
 * `outage-bot ingest <file.ndjson|->`: one JSON report per line, in any order, back to 28 days
 * before the newest report of each service (whatever the wall clock says); a bad line is counted
 * and explained, never stops the rest. Saves the aggregator state before exiting. Exits 1 when no
 * line was accepted. A file whose bytes were imported before into the same store is refused
 * (nothing is counted twice); standard input is not remembered.
 */
export async function ingest(args: string[], io: CliIo): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const path = positionals[0];
  if (positionals.length !== 1 || path === undefined) {
    throw new UsageError("ingest takes one file of reports, or - for standard input");
  }
  const fromStdin = path === "-";
  // A missing or unreadable file is an error before the store is touched.
  if (!fromStdin) {
    await access(path, constants.R_OK).catch((error: unknown) => {
      throw new Error(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
    });
  }
  const sourceName = fromStdin ? "stdin" : basename(path);
  // The same file imported again would count every report twice: its bytes' digest is remembered.
  // Read while the app opens (catalog, store, restore), which mostly waits.
  const digesting = fromStdin ? Promise.resolve(null) : fileDigest(path);
  digesting.catch(() => undefined);
  const app = await openApp(io, { persist: false, journal: false });
  try {
    const digest = await digesting;
    const imports = createImportRepo(app.store.scope("imports"));
    const earlier = digest === null ? null : await imports.find(digest);
    if (earlier !== null) {
      io.stdout.write(`${sourceName}: 0 accepted, 0 rejected\n`);
      io.stderr.write(
        `${sourceName}: already imported (as ${earlier.file} on ${new Date(earlier.at).toISOString()}, ${earlier.accepted} accepted): nothing counted again\n`,
      );
      return 1;
    }
    const total: SubmitSummary = { accepted: 0, rejected: 0, byReason: {}, errors: [] };
    const context = { at: io.now(), source: "import" as const, sourceName };
    // A report an earlier (different, overlapping) file already held counts once: by its identity.
    const earlierIdentities = await imports.identities();
    const seen = createIdentityCheck(app.catalog, earlierIdentities);
    const input = fromStdin ? io.stdin : createReadStream(path, { highWaterMark: READ_CHUNK });
    const progress = await ingestProgress(io.stderr, fromStdin ? null : (await stat(path)).size);
    let bytesRead = 0;
    let reports = 0;
    try {
      for await (const chunk of readLineChunks(input as AsyncIterable<Buffer>)) {
        const batch: ParsedLine[] = [];
        for (let i = 0; i < chunk.lines.length; i++) {
          const text = chunk.lines[i]!;
          if (text.trim() === "") continue;
          const lineNo = chunk.firstLine + i;
          const parsed = parseReportInput(text, context, lineNo);
          reports++;
          const earlierFile = parsed.ok ? seen.check(parsed.offer, context.at) : null;
          if (earlierFile !== null) merge(total, alreadyImported(lineNo, earlierFile));
          else batch.push(parsed);
        }
        if (batch.length > 0) merge(total, await submitParsed(app.intake, batch, MAX_SHOWN));
        bytesRead += chunk.bytes;
        progress.update(bytesRead, reports);
      }
    } finally {
      progress.stop();
    }
    await app.flush();
    if (digest !== null && total.accepted > 0) {
      await imports.record({ digest, file: sourceName, at: io.now(), accepted: total.accepted });
    }
    if (seen.fresh.size > 0) {
      await imports.recordIdentities(
        digest ?? `stdin-${io.now()}`,
        { file: sourceName, newest: seen.newest, ids: seen.fresh.toSet().encode() },
        IDENTITY_HORIZON_MS,
      );
    }
    io.stdout.write(describe(sourceName, total));
    if (total.accepted === 0) {
      io.stderr.write(
        `${sourceName}: no report was accepted${total.rejected === 0 ? " (no reports in the input)" : ""}: nothing was imported\n`,
      );
      return 1;
    }
    return 0;
  } finally {
    await app.close();
  }
}
