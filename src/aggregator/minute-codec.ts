import { decodeUint32List, encodeArray } from "./snapshot.js";

/**
 * Compact text for the per-minute lists of a snapshot whose values are absolute minutes (≈29 M
 * since 1970, so 4 bytes each in `encodeArray`'s plain form): minutes are written as the gap from
 * the minute before, everything as LEB128 varints (one byte up to 127). An X-outage day saved
 * ~80,000 coverage minutes (430 KB of the 824 KB state) and ~60,000 archive numbers (230 KB);
 * as gaps they take ~1 byte a minute. Older snapshots' plain form is still read.
 */

/** Prefixes of the compact forms: `<prefix><base minute>:<base64 of the varints>`. */
const GAPS = "gaps:";
const ARCHIVE = "arch:";

/**
 * Coverage lists (per origin its count, then its minutes ascending; OriginCounter.coverage):
 * each count, then the first minute as its gap from the smallest minute of all, each further
 * one as its gap from the one before.
 */
export function encodeCoverage(lists: Uint32Array): string {
  let base = Number.POSITIVE_INFINITY;
  for (let i = 0; i < lists.length; i += lists[i]! + 1) if (lists[i]! > 0) base = Math.min(base, lists[i + 1]!);
  if (base === Number.POSITIVE_INFINITY) base = 0;
  const out = new VarintWriter();
  for (let i = 0; i < lists.length; ) {
    const n = lists[i]!;
    out.put(n);
    let prev = base;
    for (let k = 1; k <= n; k++) {
      const minute = lists[i + k]!;
      // Minutes are kept ascending; anything else is written as it is, in the plain form.
      if (minute < prev) return encodeArray(lists);
      out.put(minute - prev);
      prev = minute;
    }
    i += n + 1;
  }
  return out.text(GAPS, base);
}

/** Reads what `encodeCoverage` wrote, or the plain form of older snapshots. */
export function decodeCoverage(text: string, what: string): Uint32Array {
  if (!text.startsWith(GAPS)) return decodeUint32List(text, what);
  const input = new VarintReader(text, GAPS, what);
  const values: number[] = [];
  while (!input.done()) {
    const n = input.next();
    values.push(n);
    let minute = input.base;
    for (let k = 0; k < n; k++) {
      minute += input.next();
      values.push(minute);
    }
  }
  return Uint32Array.from(values);
}

/**
 * Archive rows (per minute: the minute, its pair count, then category, count pairs;
 * Breakdown.archiveRows): each minute as its gap from the minute before (zigzag: a late minute
 * may come after a later one), the rest as they are.
 */
export function encodeArchive(rows: Uint32Array): string {
  const base = rows.length > 0 ? rows[0]! : 0;
  const out = new VarintWriter();
  let prev = base;
  for (let i = 0; i < rows.length; ) {
    const minute = rows[i]!;
    const pairs = rows[i + 1]!;
    const gap = minute - prev;
    out.put(gap >= 0 ? gap * 2 : -gap * 2 - 1);
    prev = minute;
    for (let k = 1; k <= 1 + 2 * pairs; k++) out.put(rows[i + k]!);
    i += 2 + 2 * pairs;
  }
  return out.text(ARCHIVE, base);
}

/** Reads what `encodeArchive` wrote, or the plain form of older snapshots. */
export function decodeArchive(text: string, what: string): Uint32Array {
  if (!text.startsWith(ARCHIVE)) return decodeUint32List(text, what);
  const input = new VarintReader(text, ARCHIVE, what);
  const values: number[] = [];
  let minute = input.base;
  while (!input.done()) {
    const z = input.next();
    minute += z % 2 === 0 ? z / 2 : -(z + 1) / 2;
    const pairs = input.next();
    values.push(minute, pairs);
    for (let k = 0; k < 2 * pairs; k++) values.push(input.next());
  }
  return Uint32Array.from(values);
}

class VarintWriter {
  private readonly bytes: number[] = [];

  put(value: number): void {
    let v = value;
    while (v >= 0x80) {
      this.bytes.push((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    this.bytes.push(v);
  }

  text(prefix: string, base: number): string {
    return `${prefix}${base}:${Buffer.from(this.bytes).toString("base64")}`;
  }
}

class VarintReader {
  readonly base: number;
  private readonly bytes: Buffer;
  private at = 0;

  constructor(
    text: string,
    prefix: string,
    private readonly what: string,
  ) {
    const colon = text.indexOf(":", prefix.length);
    const base = colon === -1 ? Number.NaN : Number(text.slice(prefix.length, colon));
    if (!Number.isSafeInteger(base) || base < 0) {
      throw new Error(`aggregator snapshot: ${what} has no valid base minute`);
    }
    this.base = base;
    this.bytes = Buffer.from(text.slice(colon + 1), "base64");
  }

  done(): boolean {
    return this.at >= this.bytes.length;
  }

  next(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      if (this.at >= this.bytes.length) throw new Error(`aggregator snapshot: ${this.what} ends within a number`);
      const b = this.bytes[this.at++]!;
      value += (b & 0x7f) * scale;
      if (b < 0x80) return value;
      scale *= 0x80;
    }
  }
}
