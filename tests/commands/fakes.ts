// Small stand-ins for the catalog, region directory, board and intake, so handler tests can set
// exact board states (200 regions, a 300-character name) that a replay would not produce.
import type { CommandContext, Invocation } from "../../commands/context.js";
import { createCatalog } from "../../src/catalog/catalog.js";
import { createRegionDirectory } from "../../src/catalog/regions.js";
import type { Catalog, Region, RegionDirectory } from "../../src/catalog/types.js";
import type { RegionBreakdown, ReportIntake, ReportOffer, StatusBoard } from "../../src/domain/board.js";
import type { Incident } from "../../src/domain/incident.js";
import type { IngestResult } from "../../src/domain/report.js";
import type { Service } from "../../src/domain/service.js";
import type { StatusReport } from "../../src/domain/status-report.js";

export const NOW = Date.parse("2026-11-26T14:00:00Z");

export const SERVICES: Service[] = [
  { id: "x", name: "X", aliases: ["twitter", "x.com"], category: "social", url: "https://x.com" },
  {
    id: "github",
    name: "GitHub",
    aliases: ["gh"],
    category: "dev",
    statusPage: { kind: "atlassian", url: "https://www.githubstatus.com" },
  },
  { id: "google-cloud", name: "Google Cloud", aliases: ["gcp"], category: "cloud" },
  { id: "discord", name: "Discord", aliases: [], category: "chat" },
  { id: "gitlab", name: "GitLab", aliases: [], category: "dev" },
];

/** The real catalog (pure and cheap) over the fixed list: the lookup rules are the product's own. */
export function fakeCatalog(services: Service[] = SERVICES): Catalog {
  return createCatalog(services);
}

const REGIONS: Region[] = [
  { code: "GB", name: "United Kingdom", aliases: ["UK", "Britain"], continent: "europe" },
  { code: "US", name: "United States", aliases: ["USA"], continent: "north_america" },
  { code: "DE", name: "Germany", aliases: ["Deutschland"], continent: "europe" },
  { code: "BR", name: "Brazil", aliases: [], continent: "south_america" },
];

/** The real region directory over four countries: the lookup rules are the product's own. */
export function fakeRegions(): RegionDirectory {
  return createRegionDirectory(REGIONS);
}

/** An operational status report for a service, to be overridden per test. */
export function statusOf(service: { id: string; name: string }, over: Partial<StatusReport> = {}): StatusReport {
  return {
    service: { id: service.id, name: service.name },
    level: "operational",
    reason: "Reports are at their usual level.",
    since: null,
    asOf: new Date(NOW).toISOString(),
    maintenance: false,
    crowd: { last15m: 1, lastHour: 4, baselineHour: 5, ratio: 0.8, guilds: 0, suspected: [], littleHistory: false },
    regions: [],
    problems: [],
    incident: null,
    official: null,
    ...over,
  };
}

/** A board that answers from fixed values. */
export function fakeBoard(state: {
  statuses?: Record<string, StatusReport>;
  breakdowns?: Record<string, RegionBreakdown>;
  incidents?: Incident[];
}): StatusBoard {
  const status = (id: string) =>
    state.statuses?.[id] ?? statusOf({ id, name: SERVICES.find((s) => s.id === id)?.name ?? id });
  return {
    status: async (id) => status(id),
    problems: async () => Object.values(state.statuses ?? {}).filter((r) => r.level !== "operational"),
    regions: async (id, window) =>
      state.breakdowns?.[id] ?? { serviceId: id, window, total: 0, rows: [], officialComponents: [] },
    incidents: async (q) =>
      (state.incidents ?? [])
        .filter((i) => (q.serviceId ? i.serviceId === q.serviceId : true))
        .filter((i) => (q.state === "active" ? i.resolvedAt === null : true))
        .slice(0, q.limit ?? 10),
    series: async () => [],
  };
}

/** An intake that records offers and answers with the given results in turn (accepted by default). */
export function fakeIntake(results: IngestResult[] = []): ReportIntake & { offers: ReportOffer[] } {
  const offers: ReportOffer[] = [];
  return {
    offers,
    submit: async (offer) => {
      offers.push(offer);
      return results[offers.length - 1] ?? { accepted: true };
    },
  };
}

/** A context over the fakes, with a logger that keeps what it was given. */
export function fakeContext(over: Partial<CommandContext> = {}): CommandContext & { logged: unknown[] } {
  const logged: unknown[] = [];
  return {
    catalog: fakeCatalog(),
    regions: fakeRegions(),
    board: fakeBoard({}),
    intake: fakeIntake(),
    now: () => NOW,
    log: { warn: (obj) => logged.push(obj), error: (obj) => logged.push(obj) },
    logged,
    ...over,
  };
}

/** An invocation of `/outage <subcommand>` from a guild member with an en-GB locale. */
export function invocation(subcommand: string, options: Invocation["options"] = {}): Invocation {
  return {
    subcommand,
    options,
    // A real snowflake: created 2021-02-15.
    user: { id: "811000000000000000", locale: "en-GB" },
    guildId: "700000000000000000",
    channelId: "700000000000000001",
    memberPermissions: 0n,
  };
}
