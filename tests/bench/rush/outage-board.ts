// Ten services in an outage at the same time: the board a rush of /outage status asks meets.
import { createAggregator, createStatusBoard } from "../../../src/aggregator/index.js";
import { createCatalog } from "../../../src/catalog/catalog.js";
import { createRegionDirectory } from "../../../src/catalog/regions.js";
import { builtInServices } from "../../../src/catalog/services-data.js";
import { PROBLEMS } from "../../../src/domain/problems.js";
import type { CrowdReport } from "../../../src/domain/report.js";
import { createReportIntake } from "../../../src/intake/index.js";

const MIN = 60_000;
/** 3 December 2026, 18:00 UTC: the rush is asked 5 s into this minute. */
export const RUSH_MINUTE = Date.UTC(2026, 11, 3, 18, 0);
export const RUSH_SERVICES = [
  "x",
  "github",
  "discord",
  "slack",
  "reddit",
  "steam",
  "netflix",
  "youtube",
  "instagram",
  "twitch",
];
const REGIONS = ["US", "GB", "DE", "FR", "JP", "BR", "IN", "CA"];

/**
 * A day of quiet traffic (a report every 10 minutes) for each of the ten services, then 40 minutes
 * of an outage (30 reports a minute from distinct people in 200 guilds), ticked at the rush minute.
 */
export function rushContext() {
  const catalog = createCatalog(builtInServices);
  const regions = createRegionDirectory();
  const aggregator = createAggregator();
  let n = 0;
  const report = (serviceId: string, at: number): CrowdReport => ({
    serviceId,
    region: REGIONS[n % REGIONS.length]!,
    regionInferred: false,
    problem: PROBLEMS[n % PROBLEMS.length]!,
    at,
    reporterHash: `r${n}`,
    originHash: `g${n++ % 200}`,
    source: "api",
    accountCreatedAt: null,
  });
  for (let t = RUSH_MINUTE - 24 * 60 * MIN; t < RUSH_MINUTE - 40 * MIN; t += 10 * MIN) {
    for (const id of RUSH_SERVICES) aggregator.ingest(report(id, t));
  }
  for (let t = RUSH_MINUTE - 40 * MIN; t < RUSH_MINUTE; t += 2_000) {
    for (const id of RUSH_SERVICES) aggregator.ingest(report(id, t));
  }
  aggregator.tick(RUSH_MINUTE);
  const now = () => RUSH_MINUTE + 5_000;
  const board = createStatusBoard({ catalog, regions, aggregator });
  const intake = createReportIntake({ catalog, regions, aggregator, salt: "rush-bench-salt", now });
  return { catalog, regions, board, intake, now };
}
