import type { ReportOffer } from "../domain/board.js";
import { type ParseContext, parseReportInput } from "../intake/parse-input.js";
import { jsonErrorLocation } from "./json-error.js";
import { HttpError } from "./respond.js";

/** One item of a report batch: its position, and the validated report or why it is not one. */
export type BatchItem =
  | { index: number; line?: number; offer: ReportOffer }
  | { index: number; line?: number; reason: "invalid_json" | "invalid"; message: string };

/** Body formats `POST /api/reports` reads. */
export type BatchFormat = "json" | "ndjson";

/**
 * Splits a report body into items. A JSON body is one report or an array of them; NDJSON is one
 * report per line, where a bad line is rejected on its own and the other lines still count.
 * Throws HttpError 400 when the body as a whole cannot be read or holds more than `maxItems`.
 */
export function parseReportBatch(
  text: string,
  format: BatchFormat,
  maxItems: number,
  context: ParseContext,
): BatchItem[] {
  return format === "json" ? parseJsonBatch(text, maxItems, context) : parseNdjsonBatch(text, maxItems, context);
}

function parseJsonBatch(text: string, maxItems: number, context: ParseContext): BatchItem[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    const { line, column } = jsonErrorLocation(text);
    throw new HttpError(
      400,
      "invalid_json",
      `the body is not valid JSON (line ${line}, column ${column})`,
      {},
      {
        line,
        column,
      },
    );
  }
  const values = Array.isArray(parsed) ? parsed : [parsed];
  if (values.length === 0) throw new HttpError(400, "empty_batch", "the array holds no reports");
  tooMany(values.length, maxItems);
  return values.map((value, index) => validate(value, index, context));
}

function parseNdjsonBatch(text: string, maxItems: number, context: ParseContext): BatchItem[] {
  const lines = text.split("\n");
  let count = 0;
  for (const raw of lines) if (raw.trim() !== "") count++;
  if (count === 0) throw new HttpError(400, "empty_batch", "the body holds no reports");
  tooMany(count, maxItems);
  const items: BatchItem[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    if (raw.trim() === "") continue;
    const index = items.length;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      const { column } = jsonErrorLocation(raw);
      items.push({
        index,
        line: i + 1,
        reason: "invalid_json",
        message: `line ${i + 1} is not valid JSON (column ${column})`,
      });
      continue;
    }
    items.push({ ...validate(value, index, context, i + 1), line: i + 1 });
  }
  return items;
}

/** Validates with the aggregator's own edge parser, so the API and `ingest` read reports alike. */
function validate(value: unknown, index: number, context: ParseContext, line = index + 1): BatchItem {
  // The aggregator's parser reads a string as JSON text; here the JSON is already parsed.
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { index, reason: "invalid", message: "expected a JSON object with at least service and reporter" };
  }
  const parsed = parseReportInput(value, context, line);
  if (parsed.ok) return { index, offer: parsed.offer };
  // The parser prefixes "line N: "; the API result carries the position on its own.
  return { index, reason: "invalid", message: parsed.message.replace(/^line \d+: /, "") };
}

function tooMany(count: number, maxItems: number): void {
  if (count > maxItems) {
    throw new HttpError(
      400,
      "too_many_reports",
      `${count} reports in one request; at most ${maxItems} are allowed`,
      {},
      {
        limit: maxItems,
      },
    );
  }
}
