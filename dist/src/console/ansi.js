const wrap = (open, close) => (text) => `\x1b[${open}m${text}\x1b[${close}m`;
/** A painter: real escape codes when `color` is true, identity functions otherwise. */
export function paint(color) {
    if (!color) {
        const same = (text) => text;
        return { bold: same, dim: same, italic: same, rgb: (_c, text) => text };
    }
    return {
        bold: wrap("1", "22"),
        dim: wrap("2", "22"),
        italic: wrap("3", "23"),
        rgb: (c, text) => c === undefined ? text : `\x1b[38;2;${(c >> 16) & 255};${(c >> 8) & 255};${c & 255}m${text}\x1b[39m`,
    };
}
/** True when colour should be used: NO_COLOR (https://no-color.org) unset or empty, FORCE_COLOR set, or a TTY. */
export function wantsColor(env, stream) {
    if (env.NO_COLOR !== undefined && env.NO_COLOR !== "")
        return false;
    if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0")
        return true;
    return stream.isTTY === true;
}
/** Removes ANSI escape sequences (for width counting and tests). */
export function stripAnsi(text) {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: matching the escape character is the point.
    return text.replace(/\x1b\[[0-9;]*m/g, "");
}
//# sourceMappingURL=ansi.js.map