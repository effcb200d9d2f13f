import type { z } from "zod";
import { renderPng } from "./render-png.js";

/** Why no picture: nothing to draw, input that fails the schema, or the renderer failed. */
export const CHART_FAILURES = ["no-data", "invalid-input", "render-failed"] as const;
export type ChartFailure = (typeof CHART_FAILURES)[number];

/** A rendered chart, or why there is none. Never thrown: callers send the reply without a picture. */
export type ChartResult =
  | { ok: true; png: Uint8Array; svg: string; width: number; height: number; description: string }
  | { ok: false; kind: ChartFailure; error: string };

/** Where chart failures are logged; pino's `Logger` satisfies it. */
export interface ChartLogger {
  warn(obj: object, msg: string): void;
}

/** Validates, draws, checks for data and renders; every failure becomes `{ ok: false }`, logged once. */
export function renderChart<S extends z.ZodType>(
  schema: S,
  input: unknown,
  steps: {
    draw: (data: z.output<S>) => { svg: string; width: number; height: number };
    empty: (data: z.output<S>) => boolean;
    describe: (data: z.output<S>) => string;
  },
  log?: ChartLogger,
): ChartResult {
  const fail = (kind: ChartFailure, error: string, cause?: unknown): ChartResult => {
    log?.warn({ chartFailure: kind, err: cause }, `chart not drawn: ${error}`);
    return { ok: false, kind, error };
  };
  const parsed = schema.safeParse(input);
  if (!parsed.success)
    return fail("invalid-input", `invalid chart input: ${parsed.error.issues[0]?.message ?? "unknown"}`);
  const data = parsed.data as z.output<S>;
  try {
    if (steps.empty(data)) return fail("no-data", "no data to draw yet");
    const drawn = steps.draw(data);
    const png = renderPng(drawn.svg);
    return { ok: true, png, ...drawn, description: steps.describe(data) };
  } catch (err) {
    return fail("render-failed", `chart rendering failed: ${err instanceof Error ? err.message : String(err)}`, err);
  }
}
