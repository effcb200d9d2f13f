import type { Category, Service } from "../domain/service.js";

/** The services outage-bot knows, looked up by id, name or alias. */
export interface Catalog {
  all(): readonly Service[];
  get(id: string): Service | undefined;
  /** Exact match on id, name or alias, ignoring case, accents, spaces and punctuation. */
  resolve(query: string): Service | undefined;
  /** "Did you mean": the closest services to a query that did not resolve, best first (≤ limit, default 5). */
  suggest(query: string, limit?: number): Service[];
  /** Autocomplete: services whose id, name or alias starts with or contains the query, best first. */
  search(query: string, limit?: number): Service[];
  byCategory(category: Category): Service[];
}

export const CONTINENTS = [
  "africa",
  "asia",
  "europe",
  "north_america",
  "south_america",
  "oceania",
  "antarctica",
] as const;
export type Continent = (typeof CONTINENTS)[number];

/** An ISO 3166-1 alpha-2 region. */
export interface Region {
  code: string;
  name: string;
  aliases: readonly string[];
  continent: Continent;
}

/** ISO regions looked up by code, name or alias ("UK" → GB, "Deutschland" → DE). */
export interface RegionDirectory {
  all(): readonly Region[];
  get(code: string): Region | undefined;
  resolve(query: string): Region | undefined;
  /** Name of a code, or the code itself when unknown. */
  name(code: string): string;
  search(query: string, limit?: number): Region[];
  suggest(query: string, limit?: number): Region[];
  /** The region a Discord locale points at (`en-GB` → GB, `pt-BR` → BR, `de` → DE), or null. */
  fromLocale(locale: string | null | undefined): string | null;
  byContinent(continent: Continent): Region[];
}
