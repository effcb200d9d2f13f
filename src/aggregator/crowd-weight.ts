import type { CrowdReport } from "../domain/report.js";
import {
  accountWeightUnits,
  ORIGIN_CAP_PER_QUARTER,
  RAID_NEW_ACCOUNTS_PER_MINUTE,
  RAID_ORIGIN_REPORTS_PER_MINUTE,
  SUSPECT,
  WEIGHT_UNITS,
} from "./level-rules.js";
import type { OriginEntry } from "./origin-counter.js";
import type { ServiceCounts } from "./service-counts.js";
import { hourOfMinute, quarterOfMinute } from "./time.js";

/** A coordinated burst the aggregator noticed; the app logs it (the aggregator itself does no I/O). */
export interface CrowdSuspicion {
  kind: "origin_burst" | "new_accounts";
  serviceId: string;
  /** The origin's salted hash (a Discord guild, an API origin or a lone reporter), for `origin_burst`. */
  originHash?: string;
  /** Reports in the minute that tripped the alarm. */
  reports: number;
  /** Time of the report that tripped it, epoch ms. */
  at: number;
}

/** Caps of API tokens: weighted reports each may add to one service per hour. */
export interface TokenCaps {
  /** By token name. */
  byToken: Readonly<Record<string, number>>;
  /** For tokens not named. */
  fallback: number;
}

/**
 * Weighs one accepted report (already in the raw counts): account age, then the origin's raid
 * flag and cap, then the API token's cap. Counts the origin for the diversity rule when the report
 * carries weight, records what was held back and why, and raises suspicions on bursts. Returns the
 * weight in WEIGHT_UNITS (0 = held back).
 */
export function weighReport(
  counts: ServiceCounts,
  report: CrowdReport,
  minute: number,
  tokenCaps: TokenCaps,
  suspect: ((s: CrowdSuspicion) => void) | undefined,
): number {
  const ledger = counts.origins;
  const quarter = quarterOfMinute(minute);
  const e = countBurst(counts, report, minute, suspect);
  if (quarter > e.quarter) {
    if (e.quarter >= 0 && e.used > 0) {
      e.usedBefore ??= new Map();
      e.usedBefore.set(e.quarter, e.used);
    }
    e.prevUsed = quarter === e.quarter + 1 ? e.used : 0;
    e.quarter = quarter;
    e.used = 0;
  }
  // The cap is per quarter hour of the reports' own times: a late report is charged to its own quarter.
  const late = quarter < e.quarter;
  const usedInQuarter = late ? (e.usedBefore?.get(quarter) ?? 0) : e.used;
  const created = report.accountCreatedAt;
  let units = created === null || created === undefined ? WEIGHT_UNITS : accountWeightUnits(created, report.at);
  let held = -1;
  if (units < WEIGHT_UNITS) {
    held = SUSPECT.newAccounts;
    if (minute > ledger.newMinute) {
      ledger.newMinute = minute;
      ledger.newBurst = 0;
    }
    ledger.newBurst++;
    if (ledger.newBurst >= RAID_NEW_ACCOUNTS_PER_MINUTE && ledger.newRaidQuarter !== quarter) {
      ledger.newRaidQuarter = quarter;
      suspect?.({ kind: "new_accounts", serviceId: counts.id, reports: ledger.newBurst, at: report.at });
    }
    if (ledger.newRaidQuarter === quarter) {
      units = 0;
      held = SUSPECT.newAccountRaid;
    }
  }
  if (units > 0 && e.raidQuarter === quarter) {
    units = 0;
    held = SUSPECT.originRaid;
  }
  if (units > 0) {
    const room = ORIGIN_CAP_PER_QUARTER * WEIGHT_UNITS - usedInQuarter;
    if (room <= 0) {
      units = 0;
      held = SUSPECT.serverCap;
    } else units = Math.min(units, room);
  }
  if (units > 0 && report.source === "api" && report.sourceName !== undefined) {
    units = tokenRoom(counts, report.sourceName, hourOfMinute(minute), units, tokenCaps);
    if (units === 0) held = SUSPECT.tokenCap;
  }
  if (held >= 0) counts.suspects.add(held, minute);
  if (units > 0) {
    if (late) {
      e.usedBefore ??= new Map();
      const before = e.usedBefore;
      before.set(quarter, usedInQuarter + units);
      // Keep the last day of quarters only (the per-minute day the weights live in).
      if (before.size > 96) for (const q of before.keys()) if (q < e.quarter - 96) before.delete(q);
    } else e.used += units;
    ledger.count(report.originHash, e, minute, counts.head);
  }
  return units;
}

/**
 * Counts a report towards its origin's burst in its minute, and flags the origin as a suspected
 * raid for the quarter hour when the minute reaches RAID_ORIGIN_REPORTS_PER_MINUTE. Reports refused
 * as duplicates or over the rate limit count too: a server whose members press report over and over
 * is flooding, even if each person counts once. Returns the origin's entry.
 */
export function countBurst(
  counts: ServiceCounts,
  report: CrowdReport,
  minute: number,
  suspect: ((s: CrowdSuspicion) => void) | undefined,
  refused = false,
): OriginEntry {
  const e = counts.origins.entry(report.originHash, minute);
  const quarter = quarterOfMinute(minute);
  if (refused) {
    // Repeated presses: RAID_ORIGIN_REPORTS_PER_MINUTE refused reports from one origin in a quarter
    // hour is a flood, and everything the origin added in that quarter is held back, whatever the
    // order the reports came in.
    if (quarter !== e.refusedQuarter) {
      e.refusedQuarter = quarter;
      e.refused = 0;
    }
    if (++e.refused === RAID_ORIGIN_REPORTS_PER_MINUTE)
      flag(counts, report, e, quarter, minute, e.refused, suspect, true);
    return e;
  }
  let inMinute: number;
  if (minute === e.burstMinute) inMinute = ++e.burst;
  else if (minute > e.burstMinute) {
    if (e.burstMinute >= 0 && e.burst > 0) {
      e.older ??= new Map();
      e.older.set(e.burstMinute, e.burst);
    }
    e.burstMinute = minute;
    e.burst = 1;
    inMinute = 1;
  } else {
    // A late report for an earlier minute counts in its own minute, not the latest one.
    e.older ??= new Map();
    const older = e.older;
    inMinute = (older.get(minute) ?? 0) + 1;
    older.set(minute, inMinute);
  }
  if (e.older !== null && e.older.size > 15) {
    for (const m of e.older.keys()) if (m < e.burstMinute - 15) e.older.delete(m);
  }
  if (inMinute >= RAID_ORIGIN_REPORTS_PER_MINUTE && e.raidQuarter !== quarter) {
    flag(counts, report, e, quarter, minute, inMinute, suspect, false);
  }
  return e;
}

/** Flags the origin as a suspected raid for the quarter; for a flood, takes back what it already added there. */
function flag(
  counts: ServiceCounts,
  report: CrowdReport,
  e: OriginEntry,
  quarter: number,
  minute: number,
  reports: number,
  suspect: ((s: CrowdSuspicion) => void) | undefined,
  takeBack: boolean,
): void {
  e.raidQuarter = quarter;
  if (takeBack && e.quarter === quarter && e.used > 0) {
    const start = quarter * 15;
    counts.removeWeighted(e.used, start, start + 14);
    for (let k = Math.round(e.used / WEIGHT_UNITS); k > 0; k--) counts.suspects.add(SUSPECT.originRaid, minute);
    e.used = 0;
    counts.weightChangedFrom = counts.weightChangedFrom < 0 ? start : Math.min(counts.weightChangedFrom, start);
  }
  suspect?.({ kind: "origin_burst", serviceId: counts.id, originHash: report.originHash, reports, at: report.at });
}

/** Units of `units` the token may still add to the service this hour; charges them. */
function tokenRoom(counts: ServiceCounts, token: string, hour: number, units: number, caps: TokenCaps): number {
  const cap = (caps.byToken[token] ?? caps.fallback) * WEIGHT_UNITS;
  let use = counts.origins.tokens.get(token);
  if (use === undefined) {
    use = { hour, used: 0 };
    counts.origins.tokens.set(token, use);
  } else if (hour > use.hour) {
    use.hour = hour;
    use.used = 0;
  }
  const granted = Math.max(0, Math.min(units, cap - use.used));
  use.used += granted;
  return granted;
}

/** Takes an excluded origin's weight of the last two quarter hours back out of the service's counts. */
export function forgetOrigin(counts: ServiceCounts, originHash: string): boolean {
  const e = counts.origins.remove(originHash, counts.head);
  if (e === undefined) return false;
  // Each quarter's weight lies within that quarter's own minutes: take it back from there.
  const start = e.quarter * 15;
  counts.removeWeighted(e.used, start, start + 14);
  counts.removeWeighted(e.prevUsed, start - 15, start - 1);
  return true;
}

/** Takes an excluded API token's weight of this hour back out of the service's counts. */
export function forgetToken(counts: ServiceCounts, token: string): boolean {
  const use = counts.origins.tokens.get(token);
  if (use === undefined) return false;
  counts.origins.tokens.delete(token);
  counts.removeWeighted(use.used, use.hour * 60, use.hour * 60 + 59);
  return true;
}
