import { PROBLEMS } from "../domain/problems.js";
import { BREAKDOWN_MINUTES, BREAKDOWN_QUARTERS, Breakdown } from "./breakdown.js";

import { IncidentTracker } from "./incident-tracker.js";
import { WEIGHT_UNITS } from "./level-rules.js";
import { decodeArchive, decodeCoverage, encodeArchive, encodeCoverage } from "./minute-codec.js";
import { DISTINCT_SLOTS, ORIGIN_FIELDS, ORIGIN_HISTORY_MINUTES, ORIGIN_MINUTES } from "./origin-counter.js";
import { HOUR_SLOTS, MINUTE_SLOTS, ServiceCounts } from "./service-counts.js";
import { decodeUint8, decodeUint32, decodeUint32List, encodeArray, type ServiceSnapshot } from "./snapshot.js";

/** Everything the aggregator keeps about one service. */
export interface ServiceState {
  counts: ServiceCounts;
  tracker: IncidentTracker;
  /** Earliest minute with new reports since the last tick, or null. */
  dirtyFrom: number | null;
  /** Membership flags of the active / changed lists (cheaper than Sets on the ingest path). */
  inActive: boolean;
  inChanged: boolean;
  /** Small integer naming the service in the reporter guard. */
  key: number;
}

/** One service's state as its snapshot record. */
export function serviceSnapshot(s: ServiceState): ServiceSnapshot {
  const c = s.counts;
  const t = s.tracker;
  const regions = c.regions.compact();
  const origins = c.origins.rows(c.head);
  const coverage = c.origins.coverage();
  return {
    id: c.id,
    head: c.head,
    firstMinute: c.firstMinute,
    minutes: encodeArray(c.minutes),
    hours: encodeArray(c.hours),
    hourFlags: encodeArray(c.hourFlags),
    regionCodes: c.regionCodes.slice(),
    regionMinute: encodeArray(regions.minute),
    regionQuarter: encodeArray(regions.quarter),
    problemMinute: encodeArray(c.problems.minute),
    problemQuarter: encodeArray(c.problems.quarter),
    regionArchive: encodeArchive(c.regions.archiveRows()),
    problemArchive: encodeArchive(c.problems.archiveRows()),
    // null: exact as far back as the kept day goes.
    archiveFrom: Number.isFinite(c.regions.archiveFrom) ? c.regions.archiveFrom : null,
    problemAmends: c.problemAmends.rows(),
    crowd: {
      weighted: encodeArray(c.weighted),
      originDistinct: encodeArray(c.origins.distinctAt),
      coverageHashes: coverage.hashes,
      coverageMinutes: encodeCoverage(coverage.minutes),
      originHashes: origins.hashes,
      originNumbers: encodeArray(origins.numbers),
      originLate: encodeArray(origins.late ?? new Uint32Array(0)),
      tokens: [...c.origins.tokens].map(([name, use]) => [name, use.hour, use.used] as [string, number, number]),
      newAccounts: [c.origins.newMinute, c.origins.newBurst, c.origins.newRaidQuarter],
      suspectHead: c.suspects.head,
      suspects: encodeArray(c.suspects.ring),
      suspectQuarterHead: c.suspects.quarterHead,
      suspectQuarters: encodeArray(c.suspects.quarters),
    },
    dirtyFrom: s.dirtyFrom,
    tracker: {
      evaluatedThrough: t.evaluatedThrough,
      levels: encodeArray(t.levels),
      streak: t.streak,
      quiet: t.quiet,
      open: t.open === null ? null : structuredClone(t.open),
      history: t.history.map((i) => structuredClone(i)),
    },
  };
}

/** One literal shape for every service state keeps the ingest path monomorphic. */
export function serviceState(counts: ServiceCounts, tracker: IncidentTracker, dirtyFrom: number | null): ServiceState {
  return { counts, tracker, dirtyFrom, inActive: false, inChanged: false, key: -1 };
}

/** A service's state from its snapshot record, or a new empty one (`ss` null) with id `newId`. */
export function restoreService(ss: ServiceSnapshot | null, newId = ""): ServiceState {
  if (ss === null) return serviceState(new ServiceCounts(newId), new IncidentTracker(), null);
  const c = new ServiceCounts(ss.id);
  const what = (field: string) => `service ${ss.id} ${field}`;
  c.head = ss.head;
  c.firstMinute = ss.firstMinute;
  c.setHeadSlots();
  c.minutes = decodeUint32(ss.minutes, MINUTE_SLOTS, what("minutes"));
  c.hours = decodeUint32(ss.hours, HOUR_SLOTS, what("hours"));
  c.hourFlags = decodeUint8(ss.hourFlags, HOUR_SLOTS, what("hourFlags"));
  const n = ss.regionCodes.length;
  const regions = new Breakdown(0);
  regions.minute = decodeUint32(ss.regionMinute, n * BREAKDOWN_MINUTES, what("regionMinute"));
  regions.quarter = decodeUint32(ss.regionQuarter, n * BREAKDOWN_QUARTERS, what("regionQuarter"));
  regions.capacity = n;
  regions.size = n;
  c.regions = regions;
  c.regionCodes = ss.regionCodes.slice();
  c.regionIndex = new Map(ss.regionCodes.map((code, i) => [code, i]));
  c.problems.minute = decodeUint32(ss.problemMinute, PROBLEMS.length * BREAKDOWN_MINUTES, what("problemMinute"));
  const crowd = ss.crowd;
  if (crowd !== undefined) {
    c.weighted = decodeUint32(crowd.weighted, MINUTE_SLOTS, what("crowd.weighted"));
    c.origins.tokens = new Map(crowd.tokens.map(([name, hour, used]) => [name, { hour, used }]));
    [c.origins.newMinute = -1, c.origins.newBurst = 0, c.origins.newRaidQuarter = -1] = crowd.newAccounts;
    c.suspects.head = crowd.suspectHead;
    c.suspects.ring = decodeUint32(crowd.suspects, c.suspects.ring.length, what("crowd.suspects"));
    if (crowd.suspectQuarters !== undefined) {
      c.suspects.quarterHead = crowd.suspectQuarterHead ?? -1;
      c.suspects.quarters = decodeUint32(
        crowd.suspectQuarters,
        c.suspects.quarters.length,
        what("crowd.suspectQuarters"),
      );
    }
  } else {
    // State from before provenance was kept: every past report weighs one.
    for (let i = 0; i < MINUTE_SLOTS; i++) c.weighted[i] = c.minutes[i]! * WEIGHT_UNITS;
  }
  const originRows =
    crowd === undefined
      ? undefined
      : {
          hashes: crowd.originHashes,
          numbers: decodeUint32(
            crowd.originNumbers,
            crowd.originHashes.length * ORIGIN_FIELDS,
            what("crowd.originNumbers"),
          ),
          ...(crowd.originLate === undefined
            ? {}
            : { late: decodeUint32List(crowd.originLate, what("crowd.originLate")) }),
        };
  c.origins.loadRows(originRows, ss.origins);
  if (crowd?.originDistinct !== undefined) {
    c.origins.distinctAt = decodeUint32(crowd.originDistinct, DISTINCT_SLOTS, what("crowd.originDistinct"));
    c.origins.loadCoverage({
      hashes: crowd.coverageHashes ?? [],
      minutes:
        crowd.coverageMinutes === undefined
          ? new Uint32Array(0)
          : decodeCoverage(crowd.coverageMinutes, what("crowd.coverageMinutes")),
    });
  } else {
    // A snapshot from before event-time origin counting: the distinct counts it kept, as they were.
    const ring =
      ss.originMinute === undefined ? undefined : decodeUint32(ss.originMinute, ORIGIN_MINUTES, what("originMinute"));
    const hourly =
      crowd?.originHourly === undefined
        ? undefined
        : decodeUint32(crowd.originHourly, ORIGIN_HISTORY_MINUTES, what("crowd.originHourly"));
    c.origins.loadLegacy(c.head, ring, hourly);
  }
  c.problems.quarter = decodeUint32(ss.problemQuarter, PROBLEMS.length * BREAKDOWN_QUARTERS, what("problemQuarter"));
  // Saved before the archive existed: minutes older than the dense hour are known per quarter only.
  const archiveFrom =
    ss.regionArchive === undefined ? ss.head - BREAKDOWN_MINUTES + 1 : (ss.archiveFrom ?? Number.NEGATIVE_INFINITY);
  const list = (text: string | undefined, field: string) =>
    text === undefined ? new Uint32Array(0) : decodeArchive(text, what(field));
  c.regions.loadArchive(list(ss.regionArchive, "regionArchive"), archiveFrom);
  c.problems.loadArchive(list(ss.problemArchive, "problemArchive"), archiveFrom);
  c.problemAmends.load(ss.problemAmends ?? []);
  const t = new IncidentTracker();
  t.evaluatedThrough = ss.tracker.evaluatedThrough;
  t.levels = decodeUint8(ss.tracker.levels, t.levels.length, what("levels"));
  t.streak = ss.tracker.streak;
  t.quiet = ss.tracker.quiet;
  t.open = ss.tracker.open === null ? null : structuredClone(ss.tracker.open);
  t.history = ss.tracker.history.map((i) => structuredClone(i));
  return serviceState(c, t, ss.dirtyFrom);
}
