import { PROBLEMS, type Problem } from "../domain/problems.js";
import { fingerprint, ReporterIndex } from "./reporter-index.js";
import { PROBLEM_INDEX } from "./service-counts.js";

/**
 * Verdict of the guard for one report. "amended": the reporter already has a counted report for
 * the service within the dedupe window and now names another problem; the earlier report stays
 * counted at its own time and takes the new problem (`amendedAt`, `amendedFrom` say which).
 */
export type GuardVerdict = "ok" | "duplicate" | "rate_limited" | "amended";

/**
 * What the guard keeps of one reporter's report for one service: the service, the time it was
 * counted at, and its problem with the time of the report that named it (the latest report wins,
 * whatever order they arrive in). Absent in snapshots from before problems were kept.
 */
export type ReportedService =
  | [service: string, at: number]
  | [service: string, at: number, problem: Problem, problemAt: number];

/**
 * Persisted form of one reporter: hash, [rate window start, count, last accepted], and what it
 * reported per service.
 */
export type ReporterEntry = [hash: string, window: number[], services: ReportedService[]];

/**
 * The reporter rules every guard applies (the aggregator's and the gateways' shared one in Redis):
 * one report per reporter and service per dedupe window, at most maxPerWindow reports per rate window.
 */
export const REPORTER_RULES = {
  dedupeWindowMs: 15 * 60_000,
  maxReportsPerReporter: 10,
  rateWindowMs: 15 * 60_000,
} as const;

/** Why a guard refused a report, as every intake tells it. */
export function guardRefusal(
  verdict: "duplicate" | "rate_limited",
  maxPerWindow: number = REPORTER_RULES.maxReportsPerReporter,
): { accepted: false; reason: "duplicate" | "rate_limited"; message: string } {
  return verdict === "duplicate"
    ? { accepted: false, reason: verdict, message: "already counted: one report per service every 15 minutes" }
    : { accepted: false, reason: verdict, message: `too many reports: at most ${maxPerWindow} every 15 minutes` };
}

// One reporter is one row of STRIDE numbers in a Float64Array: no object per reporter, one cache
// line per lookup, nothing for the garbage collector.
const STRIDE = 7;
// The first four are one service's numbers, laid out as each entry of `more` is.
const SVC = 0; // key of the first service reported (most reporters report one)
const SVC_AT = 1; // time its report was counted at
const SVC_PROBLEM = 2; // problem of that report (-1 unknown)
const SVC_PROBLEM_AT = 3; // time of the report that named the problem
const LAST = 4; // latest accepted report
const WIN_START = 5; // start of the reporter's current rate window
const WIN_COUNT = 6; // reports accepted in it
/** Numbers per further service in `more`: key, counted at, problem, problem named at. */
const MORE = 4;

/**
 * Dedupe (one reporter counts once per service per window) and a per-reporter rate limit across
 * services (a fixed window per reporter, opened by its first report). Services are small integer
 * keys given by the caller. Memory is bounded: as the clock moves, at most once per window and
 * only when the table has doubled since the last sweep, reporters whose last accepted report is
 * older than a window are swept out and their rows reused.
 */
export class ReporterGuard {
  private index = new ReporterIndex();
  private rows = new Float64Array(1024 * STRIDE);
  private free: number[] = [];
  private used = 0;
  /** Further services of a reporter, by row: flat [key, time, key, time, …] (rare). */
  private more = new Map<number, number[]>();
  private nextSweep = 0;
  /** The newest time the guard was advanced to. */
  private clock = 0;
  private sweepAtSize = 1024;
  private readonly generation: number;

  constructor(
    private readonly dedupeWindowMs: number,
    private readonly maxPerWindow: number,
    private readonly rateWindowMs: number,
  ) {
    this.generation = Math.max(dedupeWindowMs, rateWindowMs);
  }

  /** Drops reporters not seen for a full window as the clock moves to `now`. */
  advance(now: number): void {
    if (now > this.clock) this.clock = now;
    if (now < this.nextSweep || this.index.size < this.sweepAtSize) return;
    this.sweep(now);
  }

  /** Drops every reporter not seen for a full window, whatever the table's size. */
  sweep(now: number): void {
    const cutoff = now - this.generation;
    const rows = this.rows;
    for (const row of this.index.removeWhere((r) => rows[r * STRIDE + LAST]! < cutoff)) {
      this.more.delete(row);
      this.free.push(row);
    }
    this.nextSweep = now + this.generation;
    this.sweepAtSize = Math.max(1024, this.index.size * 2);
  }

  private newRow(): number {
    const reused = this.free.pop();
    if (reused !== undefined) return reused;
    if ((this.used + 1) * STRIDE > this.rows.length) {
      const grown = new Float64Array(this.rows.length * 2);
      grown.set(this.rows);
      this.rows = grown;
    }
    return this.used++;
  }

  /** Time the amended report was counted at, after `admit` answered "amended". */
  amendedAt = 0;
  /** Problem the amended report had before, after `admit` answered "amended". */
  amendedFrom = -1;

  /**
   * Checks a report of service `svc` (a small integer key) with problem `problem` (an index of
   * PROBLEMS) and, when it is ok or amends an earlier one, remembers it.
   */
  admit(reporterHash: string, svc: number, at: number, problem: number): GuardVerdict {
    const fp = fingerprint(reporterHash);
    // A report older than a window before the clock is history: its row is never saved (entries),
    // so it is kept by fingerprint only, and a million reporters of an import hold no string each.
    const key = at >= this.clock - this.generation ? reporterHash : undefined;
    const row = this.index.get(fp);
    if (row === -1) {
      const r = this.newRow();
      const o = r * STRIDE;
      const rows = this.rows;
      rows[o + SVC] = svc;
      rows[o + SVC_AT] = at;
      rows[o + SVC_PROBLEM] = problem;
      rows[o + SVC_PROBLEM_AT] = at;
      rows[o + LAST] = at;
      rows[o + WIN_START] = at;
      rows[o + WIN_COUNT] = 1;
      this.index.add(fp, r, key);
      return "ok";
    }
    if (key !== undefined && this.index.keyOf(row) === undefined) this.index.keep(row, key);
    const rows = this.rows;
    const o = row * STRIDE;
    // Where this service's numbers are: the row itself, or a place in `more`.
    let list: Float64Array | number[] | undefined;
    let i = -1;
    if (rows[o + SVC] === svc) {
      list = rows;
      i = o + SVC;
    } else {
      const more = this.more.get(row);
      if (more !== undefined)
        for (let k = 0; k < more.length; k += MORE)
          if (more[k] === svc) {
            list = more;
            i = k;
          }
    }
    // Offsets within a service's numbers, the same in the row (SVC = 0) and in `more`.
    const countedAt = list === undefined ? undefined : list[i + SVC_AT]!;
    if (list !== undefined && countedAt !== undefined && Math.abs(at - countedAt) < this.dedupeWindowMs)
      return this.amend(list, i, at, problem);
    const windowOver = at - rows[o + WIN_START]! >= this.rateWindowMs;
    if (!windowOver && rows[o + WIN_COUNT]! >= this.maxPerWindow) return "rate_limited";
    if (windowOver) {
      rows[o + WIN_START] = at;
      rows[o + WIN_COUNT] = 1;
    } else rows[o + WIN_COUNT]! += 1;
    if (list !== undefined) {
      if (at > countedAt!) {
        list[i + SVC_AT] = at;
        list[i + SVC_PROBLEM] = problem;
        list[i + SVC_PROBLEM_AT] = at;
      }
    } else this.remember(row, svc, at, problem);
    if (at > rows[o + LAST]!) rows[o + LAST] = at;
    return "ok";
  }

  /**
   * A second report for a service already counted within the dedupe window: it counts no more,
   * but a later report naming another problem amends the counted one. A report older than the
   * one that named the problem changes nothing, so the outcome does not depend on arrival order.
   */
  private amend(list: Float64Array | number[], i: number, at: number, problem: number): GuardVerdict {
    const had = list[i + SVC_PROBLEM]!;
    const namedAt = list[i + SVC_PROBLEM_AT]!;
    // Of two reports in the same millisecond the one that comes second wins (a batch without times).
    if (had < 0 || problem === had || at < namedAt) return "duplicate";
    list[i + SVC_PROBLEM] = problem;
    list[i + SVC_PROBLEM_AT] = at;
    this.amendedAt = list[i + SVC_AT]!;
    this.amendedFrom = had;
    return "amended";
  }

  private remember(row: number, svc: number, at: number, problem: number): void {
    let more = this.more.get(row);
    if (more === undefined) {
      more = [];
      this.more.set(row, more);
    }
    // Entries older than the dedupe window can no longer make a duplicate: reuse their place.
    for (let i = 0; i < more.length; i += MORE) {
      if (at - more[i + SVC_AT]! >= this.dedupeWindowMs) {
        more[i + SVC] = svc;
        more[i + SVC_AT] = at;
        more[i + SVC_PROBLEM] = problem;
        more[i + SVC_PROBLEM_AT] = at;
        return;
      }
    }
    more.push(svc, at, problem, at);
  }

  /** Reporters with an accepted report within a window of `now` (what a snapshot keeps). */
  size(now: number): number {
    let n = 0;
    this.index.forEach((row) => {
      if (this.rows[row * STRIDE + LAST]! >= now - this.generation) n++;
    });
    return n;
  }

  /** Reporters seen within a window of `now`, for a snapshot; `idOf` names a service key. */
  entries(now: number, idOf: (svc: number) => string): ReporterEntry[] {
    const out: ReporterEntry[] = [];
    const rows = this.rows;
    const reported = (list: Float64Array | number[], i: number): ReportedService => {
      const problem = list[i + SVC_PROBLEM]!;
      const at = list[i + SVC_AT]!;
      return problem < 0
        ? [idOf(list[i + SVC]!), at]
        : [idOf(list[i + SVC]!), at, PROBLEMS[problem]!, list[i + SVC_PROBLEM_AT]!];
    };
    this.index.forEach((row) => {
      const o = row * STRIDE;
      const hash = this.index.keyOf(row);
      if (rows[o + LAST]! < now - this.generation || hash === undefined) return;
      const services: ReportedService[] = [reported(rows, o)];
      const more = this.more.get(row) ?? [];
      for (let i = 0; i < more.length; i += MORE) services.push(reported(more, i));
      out.push([hash, [rows[o + WIN_START]!, rows[o + WIN_COUNT]!, rows[o + LAST]!], services]);
    });
    return out;
  }

  /** Restores reporters saved by `entries`, as of `now`; `keyOf` gives a service id's key. */
  load(entries: ReporterEntry[], now: number, keyOf: (id: string) => number): void {
    this.index.clear();
    this.more = new Map();
    this.free = [];
    this.used = 0;
    this.rows = new Float64Array(Math.max(1024, entries.length) * STRIDE);
    // A snapshot from before problems were kept: the problem is not known (-1), so nothing amends it.
    const numbers = ([id, at, problem, problemAt = at]: ReportedService) => [
      keyOf(id),
      at,
      problem === undefined ? -1 : (PROBLEM_INDEX[problem] ?? -1),
      problemAt,
    ];
    for (const [hash, window, services] of entries) {
      const [first, ...rest] = services;
      if (first === undefined) continue;
      const r = this.newRow();
      const o = r * STRIDE;
      const [svc, at, problem, problemAt] = numbers(first);
      this.rows[o + SVC] = svc!;
      this.rows[o + SVC_AT] = at!;
      this.rows[o + SVC_PROBLEM] = problem!;
      this.rows[o + SVC_PROBLEM_AT] = problemAt!;
      this.rows[o + LAST] = window[2] ?? at!;
      this.rows[o + WIN_START] = window[0] ?? at!;
      this.rows[o + WIN_COUNT] = window[1] ?? 1;
      if (rest.length > 0) this.more.set(r, rest.flatMap(numbers));
      this.index.add(fingerprint(hash), r, hash);
    }
    this.clock = now;
    this.nextSweep = now + this.generation;
    this.sweepAtSize = Math.max(1024, this.index.size * 2);
  }
}
