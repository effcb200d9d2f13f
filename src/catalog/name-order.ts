// English alphabetical order of names, through one collator each. `a.localeCompare(b, "en", …)` builds
// an ICU collator on every call: sorting the 249 regions that way took ~50 ms, at every start. The
// collators are made on first use: loading ICU's collation data is itself a cost `ask` need not pay.

let english: Intl.Collator | undefined;
let englishBase: Intl.Collator | undefined;

/** Orders names as `a.localeCompare(b, "en")` does. */
export function compareNames(a: string, b: string): number {
  english ??= new Intl.Collator("en");
  return english.compare(a, b);
}

/** Orders names as `a.localeCompare(b, "en", { sensitivity: "base" })` does: case and accents count as equal. */
export function compareNamesLoosely(a: string, b: string): number {
  englishBase ??= new Intl.Collator("en", { sensitivity: "base" });
  return englishBase.compare(a, b);
}
