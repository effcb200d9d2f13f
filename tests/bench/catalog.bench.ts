import { bench, describe } from "vitest";
import { createCatalog } from "../../src/catalog/catalog.js";
import { normalizeName } from "../../src/catalog/normalize.js";
import { createRegionDirectory } from "../../src/catalog/regions.js";
import { builtInServices } from "../../src/catalog/services-data.js";
import type { Service } from "../../src/domain/service.js";

const catalog = createCatalog(builtInServices);
const regions = createRegionDirectory();

/** Baseline: what a lookup costs with no index, normalising every name on every call. */
function naiveSearch(services: readonly Service[], query: string): Service[] {
  const wanted = normalizeName(query);
  return services
    .filter((s) => [s.id, s.name, ...s.aliases].some((name) => normalizeName(name).includes(wanted)))
    .slice(0, 25);
}

const typed = ["g", "gi", "git", "gith", "githu", "github"];

describe(`catalog lookups (${builtInServices.length} services)`, () => {
  bench("baseline: unindexed substring scan, per keystroke of 'github'", () => {
    for (const q of typed) naiveSearch(builtInServices, q);
  });
  bench("search (autocomplete), per keystroke of 'github'", () => {
    for (const q of typed) catalog.search(q);
  });
  bench("search with a typo ('gthub', fuzzy tier)", () => {
    catalog.search("gthub");
  });
  bench("suggest ('micorsoft')", () => {
    catalog.suggest("micorsoft");
  });
  bench("resolve ('Twitter.com')", () => {
    catalog.resolve("Twitter.com");
  });
  bench("regions: search ('united') and resolve ('Deutschland')", () => {
    regions.search("united");
    regions.resolve("Deutschland");
  });
});
