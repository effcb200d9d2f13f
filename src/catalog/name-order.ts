// English alphabetical order of names, through one collator each. `a.localeCompare(b, "en", …)` builds
// an ICU collator on every call: sorting the 249 regions that way took ~50 ms, at every start.

const ENGLISH = new Intl.Collator("en");
const ENGLISH_BASE = new Intl.Collator("en", { sensitivity: "base" });

/** Orders names as `a.localeCompare(b, "en")` does. */
export function compareNames(a: string, b: string): number {
  return ENGLISH.compare(a, b);
}

/** Orders names as `a.localeCompare(b, "en", { sensitivity: "base" })` does: case and accents count as equal. */
export function compareNamesLoosely(a: string, b: string): number {
  return ENGLISH_BASE.compare(a, b);
}
