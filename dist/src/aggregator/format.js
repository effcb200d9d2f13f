export { formatCount, formatRatio } from "../domain/format.js";
/** A rate rounded for display and JSON: one decimal. */
export function round1(n) {
    return Math.round(n * 10) / 10;
}
//# sourceMappingURL=format.js.map