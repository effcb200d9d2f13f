import { z } from "zod";
import { INCIDENT_EVENT_KINDS, IncidentSchema } from "../domain/incident.js";
import { ProblemSchema } from "../domain/problems.js";

/** Version of the snapshot format; bumped on incompatible changes. */
export const SNAPSHOT_VERSION = 1;

const OpenIncidentSchema = z.object({
  incident: IncidentSchema,
  regionTotals: z.record(z.string(), z.number()),
  problemTotals: z.array(z.number()),
  announcedPeak: z.number(),
  lastEventMinute: z.number(),
});

/**
 * One service's state. Typed arrays are `encodeArray` text ("u8:…", "u16:…" or "u32:…": the
 * narrowest width, base64). Each service is independent: a store may keep one key per service.
 */
export const ServiceSnapshotSchema = z.object({
  id: z.string(),
  head: z.number(),
  firstMinute: z.number(),
  minutes: z.string(),
  hours: z.string(),
  hourFlags: z.string(),
  regionCodes: z.array(z.string()),
  regionMinute: z.string(),
  regionQuarter: z.string(),
  problemMinute: z.string(),
  problemQuarter: z.string(),
  /**
   * Exact counts of the minutes older than the dense hour: per minute, its pair count then
   * category, count pairs (`encodeArchive`; older: `encodeArray`), and the first minute they hold exactly
   * (absent in state saved before they existed: older minutes are then known per quarter hour).
   */
  regionArchive: z.string().optional(),
  problemArchive: z.string().optional(),
  archiveFrom: z.number().nullable().optional(),
  /**
   * Amendments of the kept day, so reads as of a minute before one see the problem its report had
   * then: per amendment minute, its entry count, then counted minute, problem index, change
   * (absent in state saved before they were kept: older amendments show at their report's minute).
   */
  problemAmends: z.array(z.number()).optional(),
  /** Distinct-origin ring and the origins seen in the last hour (optional: absent before they existed). */
  originMinute: z.string().optional(),
  origins: z.array(z.tuple([z.string(), z.number()])).optional(),
  /**
   * Provenance state (optional: absent before it existed): weighted minute counts, distinct
   * origins per past minute, each origin's numbers (by salted hash), what each API token added
   * this hour, new-account burst state, and held-back counts by minute.
   */
  crowd: z
    .object({
      weighted: z.string(),
      /** Older form of the distinct-origin history (the hour ending at each past minute); read, no longer written. */
      originHourly: z.string().optional(),
      /** Distinct origins of the hour ending at each minute (DISTINCT_SLOTS, ring by absolute minute). */
      originDistinct: z.string().optional(),
      /** Origins with the minutes each was counted in: per hash its count, then its minutes (`encodeCoverage`; older: `encodeArray`). */
      coverageHashes: z.array(z.string()).optional(),
      coverageMinutes: z.string().optional(),
      originHashes: z.array(z.string()),
      /** ORIGIN_FIELDS numbers per origin hash, each plus one, `encodeArray` text. */
      originNumbers: z.string(),
      /** Each origin's late-report state (refused flood count, late minutes' bursts, late quarters' caps): see OriginRows.late. */
      originLate: z.string().optional(),
      tokens: z.array(z.tuple([z.string(), z.number(), z.number()])),
      newAccounts: z.array(z.number()),
      suspectHead: z.number(),
      suspects: z.string(),
      suspectQuarterHead: z.number().optional(),
      suspectQuarters: z.string().optional(),
    })
    .optional(),
  dirtyFrom: z.number().nullable(),
  tracker: z.object({
    evaluatedThrough: z.number(),
    levels: z.string(),
    streak: z.number(),
    quiet: z.number(),
    open: OpenIncidentSchema.nullable(),
    history: z.array(IncidentSchema),
  }),
});
export type ServiceSnapshot = z.infer<typeof ServiceSnapshotSchema>;

/** The whole aggregator state: JSON-serialisable, restored by `restoreAggregator`. */
export const AggregatorSnapshotSchema = z.object({
  version: z.literal(SNAPSHOT_VERSION),
  clock: z.number(),
  lastTick: z.number(),
  /**
   * Dedupe / rate-limit memory: [reporter hash, [rate window start, count, last accepted],
   * [service, counted at, problem, problem named at][]] (the problem pair absent in older snapshots).
   */
  reporters: z.array(
    z.tuple([
      z.string(),
      z.array(z.number()),
      z.array(
        z.union([z.tuple([z.string(), z.number(), ProblemSchema, z.number()]), z.tuple([z.string(), z.number()])]),
      ),
    ]),
  ),
  /** Services to re-evaluate at the next tick. */
  active: z.array(z.string()),
  /** Incident events a read evaluated ahead of the tick, for the next tick to announce (absent: none). */
  pending: z
    .array(z.object({ kind: z.enum(INCIDENT_EVENT_KINDS), at: z.number(), incident: IncidentSchema }))
    .optional(),
  counters: z.object({
    accepted: z.number(),
    amended: z.number().optional(),
    rejected: z.record(z.string(), z.number()),
  }),
  services: z.array(ServiceSnapshotSchema),
});
export type AggregatorSnapshot = z.infer<typeof AggregatorSnapshotSchema>;

/**
 * A typed array as text: its values in the narrowest unsigned width that holds them all
 * ("u8:", "u16:" or "u32:", then base64 of the little-endian bytes). Counts are mostly small, so
 * snapshots shrink about 4× against plain 32-bit.
 */
export function encodeArray(a: Uint32Array | Uint8Array): string {
  let max = 0;
  for (let i = 0; i < a.length; i++) if (a[i]! > max) max = a[i]!;
  const narrow = max < 256 ? Uint8Array.from(a) : max < 65536 ? Uint16Array.from(a) : Uint32Array.from(a);
  const width = narrow.BYTES_PER_ELEMENT * 8;
  return `u${width}:${Buffer.from(narrow.buffer, narrow.byteOffset, narrow.byteLength).toString("base64")}`;
}

function decode(text: string, length: number, what: string): Uint8Array | Uint16Array | Uint32Array {
  const colon = text.indexOf(":");
  const width = text.slice(0, colon);
  const buf = Buffer.from(text.slice(colon + 1), "base64");
  const bytes = width === "u8" ? 1 : width === "u16" ? 2 : width === "u32" ? 4 : 0;
  if (bytes === 0) throw new Error(`aggregator snapshot: ${what} has an unknown encoding "${width}"`);
  if (buf.byteLength !== length * bytes) {
    throw new Error(`aggregator snapshot: ${what} has ${buf.byteLength} bytes, expected ${length * bytes}`);
  }
  // Copy into a fresh, aligned buffer: Buffer.from may hand back an unaligned slice of a pool.
  const aligned = new Uint8Array(buf.byteLength);
  aligned.set(buf);
  return bytes === 1 ? aligned : bytes === 2 ? new Uint16Array(aligned.buffer) : new Uint32Array(aligned.buffer);
}

/** A Uint32Array of whatever length `encodeArray` text holds (lists of varying length). */
export function decodeUint32List(text: string, what: string): Uint32Array {
  const colon = text.indexOf(":");
  const bytes = { u8: 1, u16: 2, u32: 4 }[text.slice(0, colon)];
  if (bytes === undefined) throw new Error(`aggregator snapshot: ${what} has an unknown encoding`);
  const length = Buffer.from(text.slice(colon + 1), "base64").byteLength / bytes;
  if (!Number.isInteger(length)) throw new Error(`aggregator snapshot: ${what} has a partial item`);
  return decodeUint32(text, length, what);
}

/** A Uint32Array of exactly `length` items from `encodeArray` text; throws a clear error on a wrong size. */
export function decodeUint32(text: string, length: number, what: string): Uint32Array {
  const values = decode(text, length, what);
  return values instanceof Uint32Array ? values : Uint32Array.from(values);
}

/** A Uint8Array of exactly `length` items from `encodeArray` text; throws a clear error on a wrong size. */
export function decodeUint8(text: string, length: number, what: string): Uint8Array {
  const values = decode(text, length, what);
  if (!(values instanceof Uint8Array)) throw new Error(`aggregator snapshot: ${what} is not 8-bit`);
  return values;
}
