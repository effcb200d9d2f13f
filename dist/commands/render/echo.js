import { escapeMarkdown } from "./format.js";
/** How much of a person's typed text an answer repeats back. */
export const ECHO_MAX = 60;
/**
 * Typed text as an answer repeats it: on one line, cut to `max` characters with "…" when longer,
 * and with Discord's markdown, spoilers, mentions and timestamps (`<…>`) shown as typed instead of
 * rendered, so a reply never formats, hides or pings what someone typed.
 */
export function echo(text, max = ECHO_MAX) {
    const flat = text.replace(/\s+/g, " ").trim();
    // Code points, not UTF-16 units: a cut never splits an emoji into a broken half.
    const chars = Array.from(flat);
    const cut = chars.length > max
        ? `${chars
            .slice(0, Math.max(1, max - 1))
            .join("")
            .trimEnd()}…`
        : flat;
    return escapeMarkdown(cut).replace(/</g, "\\<");
}
/** Typed text in quotes, escaped and cut by `echo`. */
export function quoted(text, max = ECHO_MAX) {
    return `“${echo(text, max)}”`;
}
//# sourceMappingURL=echo.js.map