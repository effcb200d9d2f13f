import { z } from "zod";
import type { ReportIntake, ReportOffer } from "../domain/board.js";
import {
  plainReportInput,
  type ReportInput,
  ReportInputSchema,
  type ReportRejection,
  type ReportSource,
} from "../domain/report.js";
import { reportTime, scanReportLine } from "../domain/report-line.js";

/** Where parsed reports came from, and the time given to lines without `at`. */
export interface ParseContext {
  /** Epoch ms used when a line has no `at`. */
  at: number;
  source: ReportSource;
  /** API token name or file name. */
  sourceName?: string;
}

/** One parsed line: an offer ready for the intake, or why the line is invalid. */
export type ParsedLine =
  | { line: number; ok: true; offer: ReportOffer }
  | { line: number; ok: false; reason: "invalid"; message: string };

/** Parses one report (a JSON value or text) with ReportInputSchema into an offer. */
export function parseReportInput(json: unknown, context: ParseContext, line = 1): ParsedLine {
  let value = json;
  if (typeof json === "string") {
    // The plain compact line without JSON.parse; anything else as JSON, then the schema.
    const scanned = scanReportLine(json);
    if (scanned !== null) return toOffer(scanned, context, line);
    try {
      value = JSON.parse(json);
    } catch {
      return { line, ok: false, reason: "invalid", message: `line ${line}: not valid JSON` };
    }
  }
  const plain = plainReportInput(value);
  if (plain !== null) return toOffer(plain, context, line);
  const parsed = ReportInputSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
    return {
      line,
      ok: false,
      reason: "invalid",
      message: `line ${line}: ${where}${issue?.message ?? "invalid report"}`,
    };
  }
  return toOffer(parsed.data, context, line);
}

function toOffer(input: ReportInput, context: ParseContext, line: number): ParsedLine {
  const offer: ReportOffer = {
    service: input.service,
    region: input.region,
    problem: input.problem,
    reporter: input.reporter,
    origin: input.origin,
    source: context.source,
    at: input.at === undefined ? context.at : reportTime(input.at),
  };
  if (context.sourceName !== undefined) offer.sourceName = context.sourceName;
  return { line, ok: true, offer };
}

/** Parses NDJSON text (one report per line; blank lines skipped) or a JSON array of reports. */
export function parseReportLines(text: string, context: ParseContext): ParsedLine[] {
  const trimmed = text.trimStart();
  if (trimmed.startsWith("[")) {
    let list: unknown;
    try {
      list = JSON.parse(trimmed);
    } catch {
      return [{ line: 1, ok: false, reason: "invalid", message: "line 1: not a valid JSON array" }];
    }
    const arr = z.array(z.unknown()).safeParse(list);
    if (!arr.success) return [{ line: 1, ok: false, reason: "invalid", message: "line 1: not a JSON array" }];
    return arr.data.map((item, i) => parseReportInput(item, context, i + 1));
  }
  const out: ParsedLine[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!.trim();
    if (l !== "") out.push(parseReportInput(l, context, i + 1));
  }
  return out;
}

/** Totals of a batch submission: counts by outcome and the first rejections with their line. */
export interface SubmitSummary {
  accepted: number;
  rejected: number;
  byReason: Partial<Record<ReportRejection, number>>;
  /** The first `maxErrors` rejections, with line numbers. */
  errors: { line: number; reason: ReportRejection; message: string }[];
}

/** Submits parsed lines one by one (a bad line never stops the rest) and sums up the outcome. */
export async function submitParsed(intake: ReportIntake, lines: ParsedLine[], maxErrors = 20): Promise<SubmitSummary> {
  const summary: SubmitSummary = { accepted: 0, rejected: 0, byReason: {}, errors: [] };
  // Offered all at once, in order: a journalling intake then writes the whole batch in one go.
  const offers: ReportOffer[] = [];
  for (const p of lines) if (p.ok) offers.push(p.offer);
  const counted = intake.submitAll
    ? await intake.submitAll(offers)
    : await Promise.all(offers.map((o) => intake.submit(o)));
  let next = 0;
  const results = lines.map((p) =>
    p.ok ? counted[next++]! : ({ accepted: false, reason: p.reason, message: p.message } as const),
  );
  for (const [i, p] of lines.entries()) {
    const result = results[i]!;
    if (result.accepted) {
      summary.accepted++;
      continue;
    }
    summary.rejected++;
    summary.byReason[result.reason] = (summary.byReason[result.reason] ?? 0) + 1;
    if (summary.errors.length < maxErrors) {
      const message = result.message.startsWith("line ") ? result.message : `line ${p.line}: ${result.message}`;
      summary.errors.push({ line: p.line, reason: result.reason, message });
    }
  }
  return summary;
}
