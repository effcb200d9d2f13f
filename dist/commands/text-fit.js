const ELLIPSIS = "…";
const FENCE = "```";
/** Cuts to at most `max` code units without splitting a surrogate pair, marking the cut with "…". */
export function cutText(text, max) {
    if (text.length <= max)
        return text;
    if (max <= 0)
        return "";
    let end = max - ELLIPSIS.length;
    const code = text.charCodeAt(end - 1);
    // A high surrogate at the cut would leave half a character.
    if (code >= 0xd800 && code <= 0xdbff)
        end -= 1;
    return text.slice(0, Math.max(0, end)) + ELLIPSIS;
}
const fences = (text) => text.split(FENCE).length - 1;
function closeFence(text) {
    return fences(text) % 2 === 1 ? `${text}\n${FENCE}` : text;
}
/**
 * Fits a text of lines into `max` by keeping whole lines and saying "… and N more" for the rest.
 * An open code block is closed; a first line longer than `max` is cut with "…". Linear in the
 * number of lines, so a list of thousands costs no more than reading it.
 */
export function fitLines(text, max, noun = "more") {
    if (text.length <= max)
        return text;
    const lines = text.split("\n");
    const countable = lines.map((line) => (line.trim() !== "" && line.trim() !== FENCE ? 1 : 0));
    const remaining = new Array(lines.length + 1).fill(0);
    for (let i = lines.length - 1; i >= 0; i -= 1)
        remaining[i] = remaining[i + 1] + countable[i];
    let best = 0;
    let headLength = -1;
    let open = 0;
    for (let keep = 1; keep < lines.length; keep += 1) {
        const line = lines[keep - 1];
        headLength += line.length + 1;
        open += fences(line);
        const dropped = remaining[keep];
        const length = headLength + (open % 2 === 1 ? FENCE.length + 1 : 0) + (dropped > 0 ? `\n… and ${dropped} ${noun}`.length : 0);
        if (headLength > max)
            break;
        if (length <= max)
            best = keep;
    }
    if (best > 0) {
        const head = closeFence(lines.slice(0, best).join("\n"));
        const dropped = remaining[best];
        return dropped > 0 ? `${head}\n… and ${dropped} ${noun}` : head;
    }
    const cut = cutText(text, max);
    const closed = closeFence(cut);
    if (closed.length <= max)
        return closed;
    // No room to close a fence: drop the fences so the text does not run into markdown.
    return cutText(text.replaceAll(FENCE, ""), max);
}
/** Joins items with `separator` up to `max` characters, ending with "and N more" when some do not fit. */
export function joinFit(items, separator, max) {
    const all = items.join(separator);
    if (all.length <= max)
        return all;
    let text = "";
    for (let i = 0; i < items.length; i += 1) {
        const next = text === "" ? items[i] : `${text}${separator}${items[i]}`;
        const tail = `${separator}and ${items.length - i - 1} more`;
        if (next.length + tail.length > max) {
            const rest = `and ${items.length - i} more`;
            return text === "" ? cutText(rest, max) : `${text}${separator}${rest}`;
        }
        text = next;
    }
    return text;
}
//# sourceMappingURL=text-fit.js.map