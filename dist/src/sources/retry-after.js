/**
 * Milliseconds to wait from a `Retry-After` header (delta seconds or an HTTP date), or null when
 * absent or unreadable. A date in the past means 0.
 */
export function parseRetryAfter(value, now) {
    if (value === null || value === undefined)
        return null;
    const text = value.trim();
    if (text === "")
        return null;
    if (/^\d+$/.test(text))
        return Number(text) * 1000;
    // Only HTTP dates (they name a weekday or a month); avoids reading "1.5" or "-3" as a date.
    if (!/[a-z]{3}/i.test(text))
        return null;
    const at = Date.parse(text);
    if (Number.isNaN(at))
        return null;
    return Math.max(0, at - now);
}
//# sourceMappingURL=retry-after.js.map