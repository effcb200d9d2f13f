import { createNameIndex } from "./name-index.js";
import { compareNames, compareNamesLoosely } from "./name-order.js";
import { REGIONS } from "./regions-data.js";
import { CONTINENTS, type Continent, type Region, type RegionDirectory } from "./types.js";

/**
 * The country a bare language code points at: where the language is the national language and
 * most of its speakers live. Languages spoken as a first language across many countries with no
 * main one (English, Arabic) are left out, so they give no region rather than a guess.
 */
const LANGUAGE_COUNTRY: Readonly<Record<string, string>> = {
  bg: "BG",
  bn: "BD",
  cs: "CZ",
  da: "DK",
  de: "DE",
  el: "GR",
  es: "ES",
  et: "EE",
  fa: "IR",
  fi: "FI",
  fil: "PH",
  fr: "FR",
  ga: "IE",
  he: "IL",
  hi: "IN",
  hr: "HR",
  hu: "HU",
  hy: "AM",
  id: "ID",
  in: "ID",
  is: "IS",
  it: "IT",
  iw: "IL",
  ja: "JP",
  ka: "GE",
  kk: "KZ",
  km: "KH",
  ko: "KR",
  lo: "LA",
  lt: "LT",
  lv: "LV",
  mk: "MK",
  mn: "MN",
  ms: "MY",
  mt: "MT",
  my: "MM",
  nb: "NO",
  ne: "NP",
  nl: "NL",
  nn: "NO",
  no: "NO",
  pl: "PL",
  pt: "PT",
  ro: "RO",
  ru: "RU",
  si: "LK",
  sk: "SK",
  sl: "SI",
  sq: "AL",
  sr: "RS",
  sv: "SE",
  th: "TH",
  tl: "PH",
  tr: "TR",
  uk: "UA",
  ur: "PK",
  uz: "UZ",
  vi: "VN",
  zh: "CN",
};

const DEFAULT_LIMIT = 25;
const MAX_SUGGESTIONS = 5;

/**
 * The ISO 3166-1 directory, with its name indexes built once. Tests pass a few regions of their own
 * and keep the product's lookup rules.
 */
export function createRegionDirectory(regions: readonly Region[] = REGIONS): RegionDirectory {
  const byCode = new Map(regions.map((region) => [region.code, region]));
  // Sorted by name when first asked for (autocomplete), not at every start.
  let byContinent: Map<Continent, Region[]> | undefined;
  const continents = () => {
    if (byContinent) return byContinent;
    byContinent = new Map<Continent, Region[]>(CONTINENTS.map((continent) => [continent, []]));
    for (const region of regions) byContinent.get(region.continent)?.push(region);
    for (const group of byContinent.values()) group.sort((a, b) => compareNames(a.name, b.name));
    return byContinent;
  };
  const index = createNameIndex(
    regions,
    (region) => [
      { text: region.code, primary: true },
      { text: region.name, primary: true },
      ...region.aliases.map((text) => ({ text, primary: false })),
    ],
    (a, b) => compareNamesLoosely(a.name, b.name),
  );
  const limitOf = (limit: number | undefined, fallback: number, max = Number.MAX_SAFE_INTEGER) =>
    limit === undefined || !Number.isFinite(limit) ? fallback : Math.max(0, Math.min(Math.floor(limit), max));

  return {
    all: () => regions,
    get: (code) => byCode.get(String(code).toUpperCase()),
    resolve: (query) => index.resolve(query),
    name: (code) => byCode.get(String(code).toUpperCase())?.name ?? code,
    search: (query, limit) => index.search(query, limitOf(limit, DEFAULT_LIMIT)),
    suggest: (query, limit) => index.suggest(query, limitOf(limit, MAX_SUGGESTIONS, MAX_SUGGESTIONS)),
    fromLocale: (locale) => regionOfLocale(locale, byCode),
    byContinent: (continent) => [...(continents().get(continent) ?? [])],
  };
}

/**
 * `en-GB` → GB, `pt_BR` → BR, `zh-Hant-TW` → TW, `de` → DE. A numeric area (`es-419`, Latin
 * America) names no one country, so it gives null, as does an unknown language or region.
 */
function regionOfLocale(locale: string | null | undefined, byCode: ReadonlyMap<string, Region>): string | null {
  if (typeof locale !== "string") return null;
  const parts = locale.trim().split(/[-_]/);
  const language = parts[0]?.toLowerCase() ?? "";
  if (!/^[a-z]{2,3}$/.test(language)) return null;
  const rest = parts.slice(1);
  if (rest.some((part) => /^\d{3}$/.test(part))) return null;
  const region = rest.find((part) => /^[a-z]{2}$/i.test(part))?.toUpperCase();
  if (region !== undefined) return byCode.has(region) ? region : null;
  const country = LANGUAGE_COUNTRY[language];
  return country !== undefined && byCode.has(country) ? country : null;
}
