import type { Category, Service } from "../domain/service.js";
import { CatalogError } from "./catalog-error.js";
import { describeCollision, findCollisions } from "./collisions.js";
import { createNameIndex } from "./name-index.js";
import { compareNamesLoosely } from "./name-order.js";
import type { Catalog } from "./types.js";

const DEFAULT_SUGGESTIONS = 5;
const DEFAULT_SEARCH_LIMIT = 25;

/** Bounds a caller's limit to a whole number between 0 and `max`. */
function clampLimit(limit: number | undefined, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  if (limit === undefined || !Number.isFinite(limit)) return fallback;
  return Math.max(0, Math.min(Math.floor(limit), max));
}

/**
 * A catalog over a list of services, with every index built here once. Throws a CatalogError when
 * two services share an id or when a name or alias of one would also find another.
 */
export function createCatalog(services: readonly Service[]): Catalog {
  const collisions = findCollisions(services);
  if (collisions.length > 0) {
    throw new CatalogError(`Catalog has colliding names: ${collisions.map(describeCollision).join("; ")}`);
  }
  const list = Object.freeze([...services]);
  const byId = new Map(list.map((service) => [service.id, service]));
  const byCategory = new Map<Category, Service[]>();
  for (const service of list) {
    const group = byCategory.get(service.category) ?? [];
    group.push(service);
    byCategory.set(service.category, group);
  }
  const index = createNameIndex(
    list,
    (service) => [
      { text: service.id, primary: true },
      { text: service.name, primary: true },
      ...service.aliases.map((text) => ({ text, primary: false })),
    ],
    (a, b) => compareNamesLoosely(a.name, b.name),
  );

  return {
    all: () => list,
    get: (id) => byId.get(id),
    resolve: (query) => index.resolve(query),
    // "Did you mean" never lists more than five, whatever the caller asks.
    suggest: (query, limit) => index.suggest(query, clampLimit(limit, DEFAULT_SUGGESTIONS, DEFAULT_SUGGESTIONS)),
    search: (query, limit) => index.search(query, clampLimit(limit, DEFAULT_SEARCH_LIMIT)),
    byCategory: (category) => [...(byCategory.get(category) ?? [])],
  };
}
