import { AIRPORTS, CLOUD_REGIONS, COUNTRY_NAMES } from "./component-region-tables.js";

/** Resolves a country name or alias to a region (the catalog's RegionDirectory fits). */
export interface CountryResolver {
  resolve(query: string): { code: string } | undefined;
}

/** Maps a component name to the ISO region it names, or null. */
export type RegionOf = (name: string) => string | null;

/** Normalised airport city → region, built on first use (a process that maps no component skips it). */
let cities: Map<string, string> | undefined;
function cityRegions(): Map<string, string> {
  if (cities) return cities;
  cities = new Map();
  for (const [city, region] of Object.values(AIRPORTS)) cities.set(normalise(city), region);
  return cities;
}

function normalise(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

function fromAirport(name: string): string | null {
  const code =
    /\(([A-Z]{3})\)/.exec(name)?.[1] ??
    /[-–—]\s*([A-Z]{3})\s*$/.exec(name)?.[1] ??
    /^([A-Z]{3})$/.exec(name.trim())?.[1];
  return code ? (AIRPORTS[code]?.[1] ?? null) : null;
}

function fromCloudRegion(name: string): string | null {
  const lower = name.toLowerCase();
  // "us-east-1", "europe-west1", "us-central1-a" (a zone: drop the letter).
  for (const match of lower.matchAll(/[a-z]+(?:-[a-z]+)*-?\d+(?:-[a-z])?/g)) {
    const id = match[0].replace(/-[a-z]$/, "");
    const region = CLOUD_REGIONS[id];
    if (region) return region;
  }
  // Azure display names: "East US", "West Europe".
  return CLOUD_REGIONS[lower.replace(/[^a-z0-9]/g, "")] ?? null;
}

function fromPlaceName(segment: string, countries: CountryResolver | undefined): string | null {
  const key = normalise(segment);
  // Short segments ("AI", "IT", "CA") are far more often words than country codes.
  if (key.length < 3 && key !== "us" && key !== "uk") return null;
  const city = cityRegions().get(key);
  if (city) return city;
  const country = countries?.resolve(segment)?.code ?? COUNTRY_NAMES[key];
  return country ?? null;
}

/**
 * Creates the mapper from component names to ISO regions. Tries, in order: an airport code as
 * Cloudflare writes it ("Frankfurt, Germany - (FRA)"), a cloud region id ("us-east-1",
 * "europe-west1", "East US"), then each comma/dash/bracket separated part as a city
 * ("Tokyo") or a country ("Brazil", through `countries` when given). Pure.
 */
export function createComponentRegionMapper(countries?: CountryResolver): RegionOf {
  return (name: string): string | null => {
    const airport = fromAirport(name);
    if (airport) return airport;
    const cloud = fromCloudRegion(name);
    if (cloud) return cloud;
    const parts = [name, ...name.split(/[,()/|]|\s[-–—]\s/)].map((p) => p.trim()).filter((p) => p !== "");
    for (const part of parts) {
      const region = fromPlaceName(part, countries);
      if (region) return region;
    }
    return null;
  };
}
