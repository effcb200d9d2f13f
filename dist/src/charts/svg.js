import { FONT_STACK } from "./theme.js";
const XML_ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing the controls XML forbids is the point.
const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/**
 * Escapes text for XML content and attributes. Characters XML 1.0 forbids (C0 controls other than
 * tab/newline, lone surrogates, U+FFFE/FFFF) are dropped, since no escape makes them legal.
 */
export function escapeXml(value) {
    return value
        .replace(XML_FORBIDDEN, "")
        .replace(LONE_SURROGATE, "")
        .replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);
}
/** Shortens text to `max` characters (counting code points), ending with an ellipsis when cut. */
export function truncate(value, max) {
    const chars = Array.from(value.replace(/\s+/g, " ").trim());
    return chars.length <= max ? chars.join("") : `${chars.slice(0, Math.max(1, max - 1)).join("")}…`;
}
/** A coordinate rounded to 0.1 px: keeps the SVG small and its bytes stable across runs. */
export function px(value) {
    const rounded = Math.round(value * 10) / 10;
    return Object.is(rounded, -0) ? "0" : String(rounded);
}
/** A `<text>` element whose content is always escaped. */
export function text(x, y, content, options = {}) {
    const { size = 11, weight = 400, fill = "#ffffff", anchor = "start", opacity } = options;
    const extra = opacity === undefined ? "" : ` fill-opacity="${opacity}"`;
    return `<text x="${px(x)}" y="${px(y)}" font-size="${size}" font-weight="${weight}" fill="${fill}" text-anchor="${anchor}"${extra}>${escapeXml(content)}</text>`;
}
/** Rough width of Inter text in px (average advance ≈ 0.53 em), for layout without font metrics. */
export function textWidth(content, size) {
    return Array.from(content).length * size * 0.53;
}
/** Opens the root `<svg>` with a solid card background, so the picture never depends on the page colour. */
export function svgOpen(width, height, card, border) {
    return (`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT_STACK}">` +
        `<rect x="0.5" y="0.5" width="${width - 1}" height="${height - 1}" rx="8" fill="${card}" stroke="${border}"/>`);
}
//# sourceMappingURL=svg.js.map