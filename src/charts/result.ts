import type { z } from "zod";
import type { PngRenderer } from "./render-png.js";

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

/** How a chart is validated, drawn, checked for data and described. */
export interface ChartSteps<S extends z.ZodType> {
  draw: (data: z.output<S>) => { svg: string; width: number; height: number };
  empty: (data: z.output<S>) => boolean;
  describe: (data: z.output<S>) => string;
}

type Drawn = { ok: true; svg: string; width: number; height: number; description: string };
type Failed = Extract<ChartResult, { ok: false }>;
type Fail = (kind: ChartFailure, error: string, cause?: unknown) => Failed;

/** Validates, checks for data and draws the SVG; a failure is already logged. */
function prepare<S extends z.ZodType>(schema: S, input: unknown, steps: ChartSteps<S>, fail: Fail): Drawn | Failed {
  const parsed = schema.safeParse(input);
  if (!parsed.success)
    return fail("invalid-input", `invalid chart input: ${parsed.error.issues[0]?.message ?? "unknown"}`);
  const data = parsed.data as z.output<S>;
  try {
    if (steps.empty(data)) return fail("no-data", "no data to draw yet");
    return { ok: true, ...steps.draw(data), description: steps.describe(data) };
  } catch (err) {
    return renderFailed(fail, err);
  }
}

function renderFailed(fail: Fail, err: unknown): Failed {
  return fail("render-failed", `chart rendering failed: ${err instanceof Error ? err.message : String(err)}`, err);
}

function failer(log?: ChartLogger): Fail {
  return (kind, error, cause) => {
    log?.warn({ chartFailure: kind, err: cause }, `chart not drawn: ${error}`);
    return { ok: false, kind, error };
  };
}

/** Validates, draws, checks for data and renders; every failure becomes `{ ok: false }`, logged once. */
export function renderChart<S extends z.ZodType>(
  schema: S,
  input: unknown,
  steps: ChartSteps<S>,
  png: Pick<PngRenderer, "render">,
  log?: ChartLogger,
): ChartResult {
  const fail = failer(log);
  const drawn = prepare(schema, input, steps, fail);
  if (!drawn.ok) return drawn;
  try {
    return { ...drawn, png: png.render(drawn.svg) };
  } catch (err) {
    return renderFailed(fail, err);
  }
}

/** `renderChart` with the PNG drawn off the event loop (`renderAsync`); the same result. */
export async function renderChartAsync<S extends z.ZodType>(
  schema: S,
  input: unknown,
  steps: ChartSteps<S>,
  png: Pick<PngRenderer, "renderAsync">,
  log?: ChartLogger,
): Promise<ChartResult> {
  const fail = failer(log);
  const drawn = prepare(schema, input, steps, fail);
  if (!drawn.ok) return drawn;
  try {
    return { ...drawn, png: await png.renderAsync(drawn.svg) };
  } catch (err) {
    return renderFailed(fail, err);
  }
}
