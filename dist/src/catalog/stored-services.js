import { createCatalog } from "./catalog.js";
import { findCollisions } from "./collisions.js";
/** Why `service` cannot join `services`: its first name clash, naming the service that has it, or null. */
export function clashOf(services, service) {
    const all = [...services, service];
    const clash = findCollisions(all).find((c) => c.second.index === all.length - 1);
    if (!clash)
        return null;
    const owner = all[clash.first.index];
    const field = clash.second.field === "id" ? "id" : clash.second.field === "name" ? "name" : "alias";
    return `the ${field} "${clash.second.text}" is already taken by ${owner?.name ?? clash.first.id} (${clash.first.id}); names are compared ignoring case, accents, spaces and punctuation`;
}
/**
 * The catalog with the services kept in the store: added services join after the catalog's own (one
 * that clashes with a name or alias already taken is left out and reported, never shadowing it), and
 * moved status pages replace the catalog's.
 */
export function withStoredServices(base, added, moves) {
    const services = [...base.all()];
    const skipped = [];
    for (const service of added) {
        const reason = clashOf(services, service);
        if (reason)
            skipped.push({ id: service.id, reason });
        else
            services.push(service);
    }
    const moved = services.map((s) => {
        const page = moves.get(s.id);
        return page ? { ...s, statusPage: page } : s;
    });
    return { catalog: createCatalog(moved), skipped };
}
//# sourceMappingURL=stored-services.js.map