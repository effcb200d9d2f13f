import { ProblemSchema } from "../domain/problems.js";
import { hashIdentity } from "./hash.js";
import { tooLate } from "./lateness.js";
/** Names remembered per lookup cache; past this the cache starts over (user input is unbounded). */
const NAME_CACHE_SIZE = 2_000;
/**
 * Successful name lookups (service and region names as people type them), so a busy intake does
 * not normalise the same few names over and over. Catalogs are fixed once loaded.
 */
const nameCaches = new WeakMap();
function cachedLookup(owner, query, lookup) {
    let cache = nameCaches.get(owner);
    if (cache === undefined) {
        cache = new Map();
        nameCaches.set(owner, cache);
    }
    const hit = cache.get(query);
    // Only `lookup`'s own results are stored under this owner, so the entry has its type.
    if (hit !== undefined)
        return hit;
    const found = lookup(query);
    if (found !== undefined) {
        if (cache.size >= NAME_CACHE_SIZE)
            cache.clear();
        cache.set(query, found);
    }
    return found;
}
/** Builds the normalised CrowdReport for an offer, or the reason it cannot be counted. */
export function toCrowdReport(deps, offer) {
    const service = cachedLookup(deps.catalog, offer.service, (q) => deps.catalog.resolve(q));
    if (service === undefined) {
        const names = deps.catalog.suggest(offer.service, 5).map((s) => s.name);
        const hint = names.length > 0 ? ` Did you mean ${names.join(", ")}?` : "";
        return {
            ok: false,
            result: { accepted: false, reason: "unknown_service", message: `Unknown service "${offer.service}".${hint}` },
        };
    }
    let region = null;
    if (offer.region !== undefined && offer.region !== "") {
        const found = cachedLookup(deps.regions, offer.region, (q) => deps.regions.resolve(q));
        if (found === undefined) {
            const names = deps.regions.suggest(offer.region, 5).map((r) => `${r.name} (${r.code})`);
            const hint = names.length > 0 ? ` Did you mean ${names.join(", ")}?` : "";
            return {
                ok: false,
                result: { accepted: false, reason: "unknown_region", message: `Unknown region "${offer.region}".${hint}` },
            };
        }
        region = found.code;
    }
    const problem = ProblemSchema.safeParse(offer.problem);
    if (!problem.success || !Number.isFinite(offer.at) || offer.reporter === "") {
        return {
            ok: false,
            result: { accepted: false, reason: "invalid", message: "A report needs a problem type, a time and a reporter." },
        };
    }
    const report = {
        serviceId: service.id,
        region,
        regionInferred: region !== null && offer.regionInferred === true,
        problem: problem.data,
        at: offer.at,
        reporterHash: hashIdentity(deps.salt, "reporter", offer.reporter),
        originHash: hashIdentity(deps.salt, "origin", offer.origin ?? offer.reporter),
        source: offer.source,
        accountCreatedAt: offer.accountCreatedAt ?? null,
    };
    if (offer.sourceName !== undefined)
        report.sourceName = offer.sourceName;
    return { ok: true, report };
}
/** The ReportIntake over an aggregator: resolves names, hashes identities, counts or says why not. */
export function createReportIntake(deps) {
    return {
        async submit(offer) {
            const built = toCrowdReport(deps, offer);
            if (!built.ok)
                return built.result;
            const now = deps.now?.();
            const late = now === undefined ? null : tooLate(built.report.source, built.report.at, now);
            if (late)
                return late;
            const result = deps.aggregator.ingest(built.report, now);
            if (result.accepted)
                await deps.journal?.record(built.report);
            return result;
        },
    };
}
//# sourceMappingURL=intake.js.map