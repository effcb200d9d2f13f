const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * The lookup key of a name: lower case, accents removed, "+" spelled "plus" (Disney+ = Disney Plus),
 * and every character that is not a letter or digit dropped, so "X.com", "x com" and "XCOM" meet.
 * Letters of every script are kept ("日本", "Россия").
 */
export function normalizeName(text: string): string {
  // Plain ASCII (nearly every name and query) needs no decomposition and no Unicode classes: the same
  // key, several times faster, which every start pays for each of the ~1,200 catalog and region names.
  if (PRINTABLE_ASCII.test(text))
    return text
      .toLowerCase()
      .replace(/\+/g, "plus")
      .replace(/[^a-z0-9]/g, "");
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/\+/g, "plus")
    .replace(/[^\p{L}\p{N}]/gu, "");
}

/** The words of a name, each normalised, for word-start matches ("video" finds "Amazon Prime Video"). */
export function nameWords(text: string): string[] {
  return text
    .split(/[^\p{L}\p{N}+]+/u)
    .map(normalizeName)
    .filter((word) => word.length > 0);
}
