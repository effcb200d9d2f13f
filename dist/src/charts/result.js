import { renderPng } from "./render-png.js";
/** Why no picture: nothing to draw, input that fails the schema, or the renderer failed. */
export const CHART_FAILURES = ["no-data", "invalid-input", "render-failed"];
/** Validates, draws, checks for data and renders; every failure becomes `{ ok: false }`, logged once. */
export function renderChart(schema, input, steps, log) {
    const fail = (kind, error, cause) => {
        log?.warn({ chartFailure: kind, err: cause }, `chart not drawn: ${error}`);
        return { ok: false, kind, error };
    };
    const parsed = schema.safeParse(input);
    if (!parsed.success)
        return fail("invalid-input", `invalid chart input: ${parsed.error.issues[0]?.message ?? "unknown"}`);
    const data = parsed.data;
    try {
        if (steps.empty(data))
            return fail("no-data", "no data to draw yet");
        const drawn = steps.draw(data);
        const png = renderPng(drawn.svg);
        return { ok: true, png, ...drawn, description: steps.describe(data) };
    }
    catch (err) {
        return fail("render-failed", `chart rendering failed: ${err instanceof Error ? err.message : String(err)}`, err);
    }
}
//# sourceMappingURL=result.js.map