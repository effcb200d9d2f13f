import { type OfficialStatus, unknownOfficial } from "../domain/official.js";
import type { PollRecord } from "./poll-record.js";
import type { SourceResult } from "./source.js";
import { describeSourceError } from "./source-error.js";

/** Timing rules of the poller. */
export interface PollTiming {
  intervalMs: number;
  /** ± share of the delay drawn at random so pages are not all hit at the same second (default 0.1). */
  jitter?: number;
  /** Longest back-off after repeated errors (default 15 min). */
  maxBackoffMs?: number;
  /** Longest `Retry-After` honoured, so a bad header cannot park a page for days (default 1 h). */
  maxRetryAfterMs?: number;
}

/** Folds one fetch outcome into a record: a good answer replaces the snapshot, 304 refreshes it, an error keeps it. */
export function applyResult(record: PollRecord, result: SourceResult, at: number): PollRecord {
  if (!result.ok) return { ...record, lastAttemptAt: at, failures: record.failures + 1, lastError: result.error };
  const base = {
    ...record,
    lastAttemptAt: at,
    failures: 0,
    lastError: null,
    etag: result.etag,
    lastModified: result.lastModified,
  };
  // A 304 without a snapshot to keep cannot happen (validators are only sent with one); treat it as no news.
  if (result.notModified)
    return record.snapshot ? { ...base, lastGoodAt: at } : { ...base, etag: null, lastModified: null };
  return { ...base, snapshot: result.status, lastGoodAt: at };
}

/**
 * Milliseconds until the next poll of a page after `record`'s last attempt. Pure: `random` gives
 * a number in [0, 1). Good answer: the interval ± jitter. Errors: interval × 2^(failures−1),
 * capped; a server's `Retry-After` is honoured when longer.
 */
export function nextDelay(record: PollRecord, timing: PollTiming, random: () => number): number {
  const jitter = timing.jitter ?? 0.1;
  const maxBackoff = timing.maxBackoffMs ?? 15 * 60_000;
  const base =
    record.failures === 0
      ? timing.intervalMs
      : Math.min(maxBackoff, timing.intervalMs * 2 ** Math.min(record.failures - 1, 20));
  const jittered = base * (1 + (random() * 2 - 1) * jitter);
  const retryAfter = Math.min(record.lastError?.retryAfterMs ?? 0, timing.maxRetryAfterMs ?? 3_600_000);
  return Math.round(Math.max(jittered, retryAfter));
}

/**
 * What the status report shows for a page at `now`: the last good snapshot with its age, marked
 * stale when the last poll failed or the snapshot is older than `staleAfterMs`; a page that never
 * answered well still appears, with its error.
 */
export function toOfficialStatus(
  record: PollRecord | undefined,
  now: number,
  options: { staleAfterMs: number; pageUrl: string | null },
): OfficialStatus {
  const error = record?.lastError ? describeSourceError(record.lastError) : null;
  if (!record?.snapshot || record.lastGoodAt === null) {
    const checkedAt = record?.lastAttemptAt ? new Date(record.lastAttemptAt).toISOString() : null;
    return unknownOfficial(options.pageUrl, error ?? "not polled yet", checkedAt);
  }
  const ageMs = Math.max(0, now - record.lastGoodAt);
  return {
    ...record.snapshot,
    fetchedAt: new Date(record.lastGoodAt).toISOString(),
    stale: error !== null || ageMs > options.staleAfterMs,
    ageSeconds: Math.round(ageMs / 1000),
    error,
    checkedAt: record.lastAttemptAt ? new Date(record.lastAttemptAt).toISOString() : null,
  };
}
