const BLOCKS = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"];
/**
 * A terminal sparkline (▁▂▃▄▅▆▇█) scaled from zero, so a quiet series stays low rather than being
 * stretched to fill the height. Missing values (NaN, non-numbers) are drawn as a space. Pure.
 * Accepts numbers or chart points (`{ reports }`).
 */
export function sparkline(series, options = {}) {
    const values = series
        .map((v) => (typeof v === "number" ? v : v?.reports))
        .map((v) => (typeof v === "number" && !Number.isNaN(v) ? Math.max(v, 0) : null));
    const width = Math.floor(options.width ?? values.length);
    if (values.length === 0 || !(width > 0))
        return "";
    const folded = fold(values, Math.min(width, values.length));
    const present = folded.filter((v) => v !== null);
    const max = options.max !== undefined && options.max > 0 ? options.max : Math.max(0, ...present);
    return folded
        .map((v) => {
        if (v === null)
            return " ";
        if (!(max > 0) || v <= 0)
            return BLOCKS[0];
        if (!Number.isFinite(v) || !Number.isFinite(max))
            return BLOCKS[Number.isFinite(v) ? 0 : 7];
        return BLOCKS[Math.min(7, Math.max(0, Math.ceil((v / max) * 8) - 1))];
    })
        .join("");
}
/** Folds values into `width` groups, each the highest value in it (null only when all are missing). */
function fold(values, width) {
    if (values.length <= width)
        return values;
    return Array.from({ length: width }, (_, i) => {
        const group = values.slice(Math.floor((i * values.length) / width), Math.floor(((i + 1) * values.length) / width));
        const present = group.filter((v) => v !== null);
        return present.length === 0 ? null : Math.max(...present);
    });
}
//# sourceMappingURL=sparkline.js.map