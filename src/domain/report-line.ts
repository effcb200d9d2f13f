import { plainReportInput, type ReportInput } from "./report.js";

/** The fields a report line may have, as they open in compact JSON (`"name":"`). */
const FIELDS = ['"service":"', '"region":"', '"problem":"', '"at":"', '"reporter":"', '"origin":"'] as const;
/** A backslash (an escape) or a control character: JSON.parse's business, never the scanner's. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const DOUBTFUL = /[\u0000-\u001f\\]/;

/**
 * The report of one NDJSON line in the plain compact shape (`{"service":"x","reporter":"u",…}`:
 * string values without escapes, no spaces, only the schema's fields, each once), read without
 * JSON.parse: an import of a million lines spends most of its time parsing otherwise. Gives what
 * `ReportInputSchema.parse(JSON.parse(line))` gives, or null for anything else (spaces, escapes,
 * other value types, unknown or repeated fields, a value the schema refuses): the caller then asks
 * JSON.parse and the schema, which also explain what is wrong. Never accepts what they refuse (tested).
 */
export function scanReportLine(line: string): ReportInput | null {
  const n = line.length;
  if (n < 4 || line.charCodeAt(0) !== 123 || line.charCodeAt(n - 1) !== 125 || DOUBTFUL.test(line)) return null;
  const values: (string | undefined)[] = [undefined, undefined, undefined, undefined, undefined, undefined];
  let i = 1;
  for (;;) {
    let field = 0;
    while (field < FIELDS.length && !line.startsWith(FIELDS[field]!, i)) field++;
    if (field === FIELDS.length || values[field] !== undefined) return null;
    const start = i + FIELDS[field]!.length;
    const end = line.indexOf('"', start);
    if (end === -1) return null;
    values[field] = line.slice(start, end);
    const next = line.charCodeAt(end + 1);
    if (next === 125 && end + 2 === n) break;
    if (next !== 44) return null;
    i = end + 2;
  }
  // The schema's own checks, on strings: lengths, the problem list, the time's pattern.
  return plainReportInput({
    service: values[0],
    region: values[1],
    problem: values[2],
    at: values[3],
    reporter: values[4],
    origin: values[5],
  });
}

/** Epoch ms of the minute a time's first 16 characters name (`2026-09-06T00:01`), for the last one asked. */
let minutePrefix = "";
let minuteMs = 0;

/**
 * Epoch ms of a report time the schema accepted (`z.iso.datetime({ offset: true })`). The common
 * UTC shapes (`…T00:01:02Z`, `…T00:01:02.345Z`) are read from their digits on top of the minute,
 * which a file sorted or not mostly shares with the line before; the rest go to Date.parse.
 */
export function reportTime(at: string): number {
  const n = at.length;
  if (at.charCodeAt(n - 1) !== 90 || (n !== 20 && !(n === 24 && at.charCodeAt(19) === 46))) return Date.parse(at);
  if (!at.startsWith(minutePrefix) || minutePrefix === "") {
    minutePrefix = at.slice(0, 16);
    minuteMs = Date.parse(`${minutePrefix}:00Z`);
  }
  const seconds = (at.charCodeAt(17) - 48) * 10 + (at.charCodeAt(18) - 48);
  const ms = n === 24 ? (at.charCodeAt(20) - 48) * 100 + (at.charCodeAt(21) - 48) * 10 + (at.charCodeAt(22) - 48) : 0;
  return minuteMs + seconds * 1000 + ms;
}
