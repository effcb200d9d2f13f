import type { CommandContext } from "../../commands/context.js";
import { createCatalog } from "../../src/catalog/catalog.js";
import { createRegionDirectory } from "../../src/catalog/regions.js";
import type { Catalog, Region, RegionDirectory } from "../../src/catalog/types.js";
import type { ReportIntake, ReportOffer, SeriesPoint, StatusBoard } from "../../src/domain/board.js";
import type { Level } from "../../src/domain/levels.js";
import type { IngestResult } from "../../src/domain/report.js";
import type { Service } from "../../src/domain/service.js";
import type { StatusReport } from "../../src/domain/status-report.js";

/** 2026-11-26 12:00 UTC, the fixed "now" of the HTTP and console tests. */
export const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);

const SERVICES: Service[] = [
  { id: "github", name: "GitHub", aliases: ["gh"], category: "dev", url: "https://github.com" },
  { id: "discord", name: "Discord", aliases: [], category: "chat" },
  { id: "x", name: "X", aliases: ["twitter"], category: "social" },
  { id: "evil", name: "<script>alert(1)</script> & Co", aliases: [], category: "other" },
];

const REGIONS: Region[] = [
  { code: "GB", name: "United Kingdom", aliases: ["UK"], continent: "europe" },
  { code: "US", name: "United States", aliases: ["USA"], continent: "north_america" },
  { code: "DE", name: "Germany", aliases: ["Deutschland"], continent: "europe" },
];

/** The real catalog (pure and cheap) over the fixed list: the lookup rules are the product's own. */
export function fakeCatalog(services: Service[] = SERVICES): Catalog {
  return createCatalog(services);
}

/** The real region directory over three regions, enough for the commands' region options. */
export function fakeRegions(): RegionDirectory {
  return createRegionDirectory(REGIONS);
}

/** A status report for one service at a level. */
export function report(service: Service, level: Level, at: number): StatusReport {
  const down = level !== "operational";
  return {
    service: { id: service.id, name: service.name },
    level,
    reason: down ? `${level === "major_outage" ? 40 : 8}× the usual reports` : "Reports are at the usual level",
    since: down ? new Date(NOW - 25 * 60_000).toISOString() : null,
    asOf: new Date(at).toISOString(),
    maintenance: false,
    crowd: {
      last15m: down ? 120 : 1,
      lastHour: down ? 300 : 4,
      baselineHour: 6,
      ratio: down ? 50 : 0.7,
      guilds: 3,
      suspected: [],
      littleHistory: false,
    },
    regions: down ? [{ region: "GB", name: "United Kingdom", reports: 200, share: 0.66 }] : [],
    problems: down ? [{ problem: "login", reports: 180, share: 0.6 }] : [],
    incident: null,
    official: null,
  };
}

/** A board where the given services have the given levels and everything else is operational. */
export function fakeBoard(catalog: Catalog, levels: Record<string, Level>): StatusBoard & { fail?: boolean } {
  const board: StatusBoard & { fail?: boolean } = {
    async status(serviceId, at) {
      if (board.fail) throw new Error("store is down");
      return report(catalog.get(serviceId)!, levels[serviceId] ?? "operational", at);
    },
    async problems(at) {
      const order: Level[] = ["major_outage", "partial_outage", "degraded"];
      return Object.entries(levels)
        .filter(([, level]) => level !== "operational")
        .sort(([, a], [, b]) => order.indexOf(a) - order.indexOf(b))
        .map(([id, level]) => report(catalog.get(id)!, level, at));
    },
    async regions(serviceId, window) {
      return { serviceId, window, total: 0, rows: [], officialComponents: [] };
    },
    async incidents() {
      return [];
    },
    async series(serviceId, from, to, stepMs) {
      const points: SeriesPoint[] = [];
      for (let at = from, i = 0; at < to; at += stepMs, i++) {
        const spike = levels[serviceId] && levels[serviceId] !== "operational" && to - at < 2 * 3_600_000;
        points.push({
          at,
          reports: spike ? 40 + i : 3 + (i % 4),
          usual: 4,
          level: spike ? "major_outage" : "operational",
        });
      }
      return points;
    },
  };
  return board;
}

/** An intake that keeps every offer and rejects unknown services and the reporter "dup". */
export function fakeIntake(catalog: Catalog): ReportIntake & { offers: ReportOffer[] } {
  const offers: ReportOffer[] = [];
  return {
    offers,
    async submit(offer): Promise<IngestResult> {
      if (!catalog.resolve(offer.service)) {
        return { accepted: false, reason: "unknown_service", message: `no service called "${offer.service}"` };
      }
      if (offer.reporter === "dup") return { accepted: false, reason: "duplicate", message: "already counted" };
      offers.push(offer);
      return { accepted: true };
    },
  };
}

/** A full command context over the fakes, at a fixed time. */
export function fakeContext(levels: Record<string, Level> = { github: "major_outage", discord: "degraded" }) {
  const catalog = fakeCatalog();
  const board = fakeBoard(catalog, levels);
  const intake = fakeIntake(catalog);
  let now = NOW;
  const ctx: CommandContext = { catalog, regions: fakeRegions(), board, intake, now: () => now };
  return { ctx, board, intake, setNow: (at: number) => (now = at) };
}
