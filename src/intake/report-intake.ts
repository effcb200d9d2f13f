import type { Aggregator } from "../aggregator/types.js";
import type { Catalog, RegionDirectory } from "../catalog/types.js";
import type { ReportIntake, ReportOffer } from "../domain/board.js";
import { PROBLEMS } from "../domain/problems.js";
import type { CrowdReport, IngestResult } from "../domain/report.js";
import { createIdentityHasher } from "./identity-hash.js";
import { tooLate } from "./lateness.js";

/** What the intake needs. `now` (a clock) lets it reject reports from the future and live reports that are too late. */
export interface ReportIntakeDeps {
  catalog: Catalog;
  regions: RegionDirectory;
  aggregator: Aggregator;
  /** Secret salt of the identity hashes (from config). */
  salt: string;
  now?: () => number;
  /** Where accepted reports are made durable before `submit` resolves (the app's report journal). */
  journal?: { record(report: CrowdReport): Promise<void> };
}

/** The problem types ProblemSchema accepts (it is built from the same list), without a zod call per report. */
const PROBLEM_SET: ReadonlySet<unknown> = new Set(PROBLEMS);

/** Names remembered per lookup cache; past this the cache starts over (user input is unbounded). */
const NAME_CACHE_SIZE = 2_000;

/**
 * Successful name lookups (service and region names as people type them), so a busy intake does
 * not normalise the same few names over and over. One per builder: catalogs are fixed once loaded.
 */
function cachedLookup<T>(lookup: (q: string) => T | undefined): (query: string) => T | undefined {
  const cache = new Map<string, T>();
  return (query) => {
    const hit = cache.get(query);
    if (hit !== undefined) return hit;
    const found = lookup(query);
    if (found !== undefined) {
      if (cache.size >= NAME_CACHE_SIZE) cache.clear();
      cache.set(query, found);
    }
    return found;
  };
}

/** Turns an offer into the normalised CrowdReport, or the reason it cannot be counted. */
export type ReportBuilder = (
  offer: ReportOffer,
) => { ok: true; report: CrowdReport } | { ok: false; result: IngestResult };

/**
 * A ReportBuilder over one catalog, region directory and salt: resolves names and hashes
 * identities, with its own bounded caches of both (build it once per intake).
 */
export function createReportBuilder(deps: Pick<ReportIntakeDeps, "catalog" | "regions" | "salt">): ReportBuilder {
  const service = cachedLookup((q) => deps.catalog.resolve(q));
  const region = cachedLookup((q) => deps.regions.resolve(q));
  const hash = createIdentityHasher(deps.salt);
  return (offer) => buildReport(deps, { service, region, hash }, offer);
}

function buildReport(
  deps: Pick<ReportIntakeDeps, "catalog" | "regions">,
  lookups: {
    service: (q: string) => ReturnType<Catalog["resolve"]>;
    region: (q: string) => ReturnType<RegionDirectory["resolve"]>;
    hash: ReturnType<typeof createIdentityHasher>;
  },
  offer: ReportOffer,
): ReturnType<ReportBuilder> {
  const service = lookups.service(offer.service);
  if (service === undefined) {
    const names = deps.catalog.suggest(offer.service, 5).map((s) => s.name);
    const hint = names.length > 0 ? ` Did you mean ${names.join(", ")}?` : "";
    return {
      ok: false,
      result: { accepted: false, reason: "unknown_service", message: `Unknown service "${offer.service}".${hint}` },
    };
  }
  let region: string | null = null;
  if (offer.region !== undefined && offer.region !== "") {
    const found = lookups.region(offer.region);
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
  if (!PROBLEM_SET.has(offer.problem) || !Number.isFinite(offer.at) || offer.reporter === "") {
    return {
      ok: false,
      result: { accepted: false, reason: "invalid", message: "A report needs a problem type, a time and a reporter." },
    };
  }
  const report: CrowdReport = {
    serviceId: service.id,
    region,
    regionInferred: region !== null && offer.regionInferred === true,
    problem: offer.problem,
    at: offer.at,
    reporterHash: lookups.hash("reporter", offer.reporter),
    originHash: lookups.hash("origin", offer.origin ?? offer.reporter),
    source: offer.source,
    accountCreatedAt: offer.accountCreatedAt ?? null,
  };
  if (offer.sourceName !== undefined) report.sourceName = offer.sourceName;
  return { ok: true, report };
}

/** The ReportIntake over an aggregator: resolves names, hashes identities, counts or says why not. */
export function createReportIntake(deps: ReportIntakeDeps): ReportIntake {
  const build = createReportBuilder(deps);
  /** Counts one offer now; `written` when it must reach the journal before it is acknowledged. */
  const take = (offer: ReportOffer): { result: IngestResult; written?: Promise<void> } => {
    const built = build(offer);
    if (!built.ok) return { result: built.result };
    const now = deps.now?.();
    const late = now === undefined ? null : tooLate(built.report.source, built.report.at, now);
    if (late) return { result: late };
    const result = deps.aggregator.ingest(built.report, now);
    const written = result.accepted ? deps.journal?.record(built.report) : undefined;
    return written === undefined ? { result } : { result, written };
  };
  return {
    async submit(offer: ReportOffer): Promise<IngestResult> {
      const { result, written } = take(offer);
      if (written) await written;
      return result;
    },
    async submitAll(offers: readonly ReportOffer[]): Promise<IngestResult[]> {
      // One pass without a promise per report; the journal batches a turn's reports into one write.
      const writes = new Set<Promise<void>>();
      const results = offers.map((offer) => {
        const { result, written } = take(offer);
        if (written) writes.add(written);
        return result;
      });
      await Promise.all(writes);
      return results;
    },
  };
}
