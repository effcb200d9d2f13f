import type { Service, StatusPage } from "../domain/service.js";
import { createCatalog } from "./catalog.js";
import { findCollisions } from "./collisions.js";
import type { Catalog } from "./types.js";

/** Why `service` cannot join `services`: its first name clash, naming the service that has it, or null. */
export function clashOf(services: readonly Service[], service: Service): string | null {
  const all = [...services, service];
  const clash = findCollisions(all).find((c) => c.second.index === all.length - 1);
  if (!clash) return null;
  const owner = all[clash.first.index];
  const field = clash.second.field === "id" ? "id" : clash.second.field === "name" ? "name" : "alias";
  return `the ${field} "${clash.second.text}" is already taken by ${owner?.name ?? clash.first.id} (${clash.first.id}); names are compared ignoring case, accents, spaces and punctuation`;
}

/**
 * The catalog with the services kept in the store: added services join after the catalog's own (one
 * that clashes with a name or alias already taken is left out and reported, never shadowing it), and
 * moved status pages replace the catalog's.
 */
export function withStoredServices(
  base: Catalog,
  added: readonly Service[],
  moves: ReadonlyMap<string, StatusPage>,
): { catalog: Catalog; skipped: { id: string; reason: string }[] } {
  // Nothing added or moved (most stores): the catalog as it is, its indexes not built a second time.
  if (added.length === 0 && moves.size === 0) return { catalog: base, skipped: [] };
  const services: Service[] = [...base.all()];
  const skipped: { id: string; reason: string }[] = [];
  for (const service of added) {
    const reason = clashOf(services, service);
    if (reason) skipped.push({ id: service.id, reason });
    else services.push(service);
  }
  const moved = services.map((s) => {
    const page = moves.get(s.id);
    return page ? { ...s, statusPage: page } : s;
  });
  return { catalog: createCatalog(moved), skipped };
}
