// A hand-made board in the middle of an X outage, for tests that need exact values.
import type { Incident } from "../../src/domain/incident.js";
import type { OfficialStatus } from "../../src/domain/official.js";
import type { StatusReport } from "../../src/domain/status-report.js";
import { NOW, statusOf } from "./fakes.js";

export const STARTED = NOW - 2 * 60 * 60 * 1000;

export const X_OFFICIAL: OfficialStatus = {
  indicator: "major",
  description: "Partial System Outage",
  pageUrl: "https://status.x.com",
  components: [],
  incidents: [
    {
      id: "inc1",
      name: "Timeline not loading",
      status: "investigating",
      impact: "major",
      startedAt: new Date(STARTED).toISOString(),
      updatedAt: new Date(NOW).toISOString(),
      latestUpdate: "We are looking into reports of timelines failing to load.",
      url: "https://status.x.com/incidents/inc1",
    },
  ],
  maintenance: [],
  fetchedAt: new Date(NOW - 30_000).toISOString(),
  stale: false,
  ageSeconds: 30,
  error: null,
};

export const X_STATUS: StatusReport = statusOf(
  { id: "x", name: "X" },
  {
    level: "major_outage",
    reason: "10,303 reports in the last 15 min, 130× the usual for Thursday 14:00 UTC (41,230 in the last hour).",
    since: new Date(STARTED).toISOString(),
    crowd: {
      last15m: 10303,
      lastHour: 41230,
      baselineHour: 317,
      ratio: 130,
      guilds: 120,
      suspected: [],
      littleHistory: false,
    },
    regions: [
      { region: "GB", name: "United Kingdom", reports: 8123, share: 0.41 },
      { region: "US", name: "United States", reports: 6000, share: 0.3 },
      { region: "DE", name: "Germany", reports: 2000, share: 0.1 },
    ],
    problems: [
      { problem: "app", reports: 20000, share: 0.52 },
      { problem: "website", reports: 12000, share: 0.31 },
      { problem: "login", reports: 6000, share: 0.15 },
    ],
    incident: {
      id: "x-1",
      startedAt: new Date(STARTED).toISOString(),
      peakAt: new Date(STARTED + 30 * 60_000).toISOString(),
      peakPerMinute: 1200,
      level: "major_outage",
      resolvedAt: null,
    },
    official: X_OFFICIAL,
  },
);

export const GITHUB_DEGRADED: StatusReport = statusOf(
  { id: "github", name: "GitHub" },
  {
    level: "degraded",
    reason: "120 reports in the last hour, 4× the usual",
    crowd: { last15m: 40, lastHour: 120, baselineHour: 30, ratio: 4, guilds: 3, suspected: [], littleHistory: false },
  },
);

export const X_INCIDENT: Incident = {
  id: "x-1",
  serviceId: "x",
  startedAt: STARTED,
  peakAt: STARTED + 30 * 60_000,
  peakPerMinute: 1200,
  level: "major_outage",
  currentLevel: "partial_outage",
  updatedAt: NOW,
  resolvedAt: null,
  totalReports: 60000,
  regions: [
    { region: "GB", reports: 8123 },
    { region: "US", reports: 6000 },
  ],
  problems: [
    { problem: "app", reports: 30000 },
    { problem: "login", reports: 10000 },
  ],
};

export const GITHUB_OLD_INCIDENT: Incident = {
  ...X_INCIDENT,
  id: "gh-1",
  serviceId: "github",
  level: "partial_outage",
  currentLevel: "operational",
  startedAt: NOW - 26 * 3600_000,
  peakAt: NOW - 25 * 3600_000,
  resolvedAt: NOW - 24 * 3600_000,
};
