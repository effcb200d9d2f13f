/**
 * The lookup key of a name: lower case, accents removed, "+" spelled "plus" (Disney+ = Disney Plus),
 * and every character that is not a letter or digit dropped, so "X.com", "x com" and "XCOM" meet.
 * Letters of every script are kept ("日本", "Россия").
 */
export function normalizeName(text) {
    return text
        .normalize("NFKD")
        .replace(/\p{M}/gu, "")
        .toLowerCase()
        .replace(/\+/g, "plus")
        .replace(/[^\p{L}\p{N}]/gu, "");
}
/** The words of a name, each normalised, for word-start matches ("video" finds "Amazon Prime Video"). */
export function nameWords(text) {
    return text
        .split(/[^\p{L}\p{N}+]+/u)
        .map(normalizeName)
        .filter((word) => word.length > 0);
}
//# sourceMappingURL=normalize.js.map