// Scratch rows reused by every call: the distance runs for hundreds of keys per keystroke, and
// allocating three arrays each time cost more than the arithmetic.
let scratch = new Int32Array(3 * 64);
/**
 * Optimal-string-alignment (restricted Damerau-Levenshtein) distance: insertions, deletions,
 * substitutions and transpositions of neighbours each cost 1. Returns `max + 1` as soon as the
 * distance must exceed `max`, so comparing a query with hundreds of keys stays cheap.
 */
export function editDistance(a, b, max = Number.POSITIVE_INFINITY) {
    if (Math.abs(a.length - b.length) > max)
        return max + 1;
    if (a.length === 0)
        return b.length;
    if (b.length === 0)
        return a.length;
    const width = b.length + 1;
    if (scratch.length < 3 * width)
        scratch = new Int32Array(3 * width * 2);
    const rows = scratch;
    // Row r of the table lives at offset ((r % 3) * width); the row before the previous is needed for transpositions.
    for (let j = 0; j < width; j++)
        rows[j] = j;
    for (let i = 1; i <= a.length; i++) {
        const current = (i % 3) * width;
        const previous = ((i - 1) % 3) * width;
        const before = ((i + 1) % 3) * width;
        rows[current] = i;
        let rowMin = i;
        const ca = a.charCodeAt(i - 1);
        for (let j = 1; j < width; j++) {
            const cb = b.charCodeAt(j - 1);
            const cost = ca === cb ? 0 : 1;
            let value = Math.min(rows[previous + j] + 1, rows[current + j - 1] + 1, rows[previous + j - 1] + cost);
            if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
                value = Math.min(value, rows[before + j - 2] + 1);
            }
            rows[current + j] = value;
            if (value < rowMin)
                rowMin = value;
        }
        if (rowMin > max)
            return max + 1;
    }
    return rows[(a.length % 3) * width + b.length];
}
/** A 32-bit set of the characters in a text (letters a–z, digits, and one bit for everything else). */
export function characterMask(text) {
    let mask = 0;
    for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code >= 97 && code <= 122)
            mask |= 1 << (code - 97);
        else if (code >= 48 && code <= 57)
            mask |= 1 << 26;
        else
            mask |= 1 << 27;
    }
    return mask;
}
/** Number of set bits: here, how many kinds of character one text has that another lacks. */
export function bitCount(value) {
    let v = value - ((value >>> 1) & 0x55555555);
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
    return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
//# sourceMappingURL=distance.js.map