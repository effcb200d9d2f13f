// Every surface tells one story: for random report streams and official states, the status embed,
// the console text, the JSON, the regions and incidents answers, the chart series and the alert
// agree for the same service and minute, and an answer "as of" T equals what the bot would have
// said at T (replaying only what had arrived by then), also when people amend their reports (another
// problem named within 15 minutes) after T.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CommandContext } from "../../commands/context.js";
import { handleCommand } from "../../commands/index.js";
import { createAggregator, createStatusBoard } from "../../src/aggregator/index.js";
import { createCatalog } from "../../src/catalog/catalog.js";
import { createRegionDirectory } from "../../src/catalog/regions.js";
import { builtInServices } from "../../src/catalog/services-data.js";
import { renderText } from "../../src/console/index.js";
import { formatCount } from "../../src/domain/format.js";
import type { IncidentEvent } from "../../src/domain/incident.js";
import { LEVEL_COLORS, LEVEL_LABELS } from "../../src/domain/levels.js";
import type { OfficialStatus } from "../../src/domain/official.js";
import { PROBLEMS, type Problem } from "../../src/domain/problems.js";
import type { CrowdReport } from "../../src/domain/report.js";
import type { StatusReport } from "../../src/domain/status-report.js";
import { dataEnd, dataTime } from "../../src/domain/windows.js";
import { createReportIntake } from "../../src/intake/index.js";
import { invocation } from "./fakes.js";

const catalog = createCatalog(builtInServices);
const regions = createRegionDirectory();
/** Monday 2 June 2025, 10:00 UTC. */
const T0 = Date.UTC(2025, 5, 2, 10);
const MIN = 60_000;
const REGIONS = ["GB", "US", "JP", null] as const;

interface Stream {
  /** Reports per minute, minute 0 = T0. */
  perMinute: number[];
  /** How many distinct origins the reports come from (1 = a single server). */
  origins: number;
  seed: number;
  /** Reports the same person sends again within 15 minutes, naming a problem (another one amends). */
  amends: { pick: number; delayMs: number; problem: Problem }[];
}

const streamArb: fc.Arbitrary<Stream> = fc.record({
  perMinute: fc.array(
    fc.oneof({ weight: 3, arbitrary: fc.nat(3) }, { weight: 2, arbitrary: fc.integer({ min: 20, max: 90 }) }),
    { minLength: 30, maxLength: 90 },
  ),
  origins: fc.constantFrom(1, 3, 8, 40),
  seed: fc.nat(1000),
  // Fewer than the 20 refused presses a quarter hour that make an origin a flood.
  amends: fc.array(
    fc.record({
      pick: fc.nat(),
      delayMs: fc.integer({ min: 1_000, max: 15 * MIN - 1 }),
      problem: fc.constantFrom(...PROBLEMS),
    }),
    { maxLength: 8 },
  ),
});

const officialArb: fc.Arbitrary<OfficialStatus | null> = fc.option(
  fc
    .record({
      indicator: fc.constantFrom("none", "minor", "major", null),
      impact: fc.constantFrom("none", "minor", "major"),
      withIncident: fc.boolean(),
      checkedMinute: fc.integer({ min: -30, max: 150 }),
      reached: fc.boolean(),
    })
    .map(({ indicator, impact, withIncident, checkedMinute, reached }): OfficialStatus => {
      const checkedAt = new Date(T0 + checkedMinute * MIN).toISOString();
      return {
        indicator: reached ? (indicator ?? "none") : null,
        description: reached ? "Vendor words" : null,
        pageUrl: "https://status.example.com",
        components: [],
        incidents:
          reached && withIncident
            ? [
                {
                  id: "v1",
                  name: "Errors",
                  status: "investigating",
                  impact,
                  startedAt: checkedAt,
                  updatedAt: checkedAt,
                  latestUpdate: null,
                  url: null,
                },
              ]
            : [],
        maintenance: [],
        fetchedAt: reached ? checkedAt : null,
        stale: !reached,
        ageSeconds: reached ? 0 : null,
        error: reached ? null : "network error: ECONNREFUSED",
        checkedAt,
      };
    }),
  { nil: null },
);

function reportsOf(stream: Stream): CrowdReport[] {
  const out: CrowdReport[] = [];
  let n = 0;
  stream.perMinute.forEach((count, m) => {
    for (let i = 0; i < count; i++, n++) {
      out.push({
        serviceId: "x",
        region: REGIONS[(n * 7 + stream.seed) % REGIONS.length]!,
        regionInferred: false,
        problem: n % 3 === 0 ? "login" : "app",
        at: T0 + m * MIN + Math.floor((i * MIN) / count),
        reporterHash: `r${n}`,
        originHash: `o${n % stream.origins}`,
        source: "api",
        accountCreatedAt: null,
      });
    }
  });
  const first = out.length;
  for (const amend of first === 0 ? [] : stream.amends) {
    const earlier = out[amend.pick % first]!;
    out.push({ ...earlier, problem: amend.problem, at: earlier.at + amend.delayMs });
  }
  return out.sort((a, b) => a.at - b.at);
}

/** The bot's state having seen `reports` with a tick every minute until `until`. */
function run(reports: CrowdReport[], until: number) {
  const aggregator = createAggregator();
  const events: IncidentEvent[] = [];
  let i = 0;
  for (let t = T0 + MIN; t <= until; t += MIN) {
    while (i < reports.length && reports[i]!.at < t) aggregator.ingest(reports[i++]!, t);
    events.push(...aggregator.tick(t));
  }
  return { aggregator, events };
}

function contextAt(
  aggregator: ReturnType<typeof createAggregator>,
  official: OfficialStatus | null,
  at: number,
): CommandContext {
  const board = createStatusBoard({ catalog, regions, aggregator, official: () => official });
  const intake = createReportIntake({ catalog, regions, aggregator, salt: "s", now: () => at });
  return { catalog, regions, board, intake, now: () => at };
}

/** Every epoch time and ISO time inside a JSON answer. */
function timesIn(value: unknown, key = ""): number[] {
  if (typeof value === "string" && /^\d{4}-\d\d-\d\dT/.test(value)) return [Date.parse(value)];
  if (typeof value === "number" && /At$|^at$/.test(key)) return [value];
  if (Array.isArray(value)) return value.flatMap((v) => timesIn(v, key));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => timesIn(v, k));
  return [];
}

describe("one story at any minute", () => {
  it("every surface agrees for the same service and minute, and an answer as of T is the one given at T", async () => {
    await fc.assert(
      fc.asyncProperty(streamArb, officialArb, fc.nat(), fc.nat(59_999), async (stream, official, pick, second) => {
        const reports = reportsOf(stream);
        const end = T0 + (stream.perMinute.length + 20) * MIN;
        const asOf = T0 + (1 + (pick % (stream.perMinute.length + 19))) * MIN + second;
        // The store as it is later (the --at case) and the bot as it was at asOf.
        const later = run(reports, end);
        const then = run(
          reports.filter((r) => r.at < dataEnd(asOf)),
          dataEnd(asOf),
        );
        const ctx = contextAt(later.aggregator, official, asOf);
        const status: StatusReport = await ctx.board.status("x", asOf);

        // As of T = what the bot said at T: status, incidents, regions and chart data alike.
        const thenCtx = contextAt(then.aggregator, official, asOf);
        const thenStatus = await thenCtx.board.status("x", asOf);
        const { suspected, ...crowd } = status.crowd;
        const { suspected: thenSuspected, ...thenCrowd } = thenStatus.crowd;
        // Regions and problems included: exact at whatever minute T is, however long ago.
        expect({ ...status, crowd }).toEqual({ ...thenStatus, crowd: thenCrowd });
        expect(status.problems.reduce((s, p) => s + p.reports, 0)).toBe(status.crowd.lastHour);
        // Held-back counts older than the minute ring are kept per quarter hour: never more than then.
        for (const s of suspected) {
          expect(s.reports).toBeLessThanOrEqual(thenSuspected.find((t) => t.reason === s.reason)?.reports ?? 0);
        }
        for (const state of ["active", "recent"] as const) {
          const listed = await ctx.board.incidents({ serviceId: "x", state, at: asOf });
          expect(listed).toEqual(await thenCtx.board.incidents({ serviceId: "x", state, at: asOf }));
          for (const i of listed) expect(i.problems.reduce((s, p) => s + p.reports, 0)).toBe(i.totalReports);
        }

        // An incident is open exactly when the tracker had opened it and not closed it by T.
        const open = new Set<string>();
        for (const e of then.events) {
          if (e.kind === "opened") open.add(e.incident.id);
          if (e.kind === "resolved") open.delete(e.incident.id);
        }
        expect(status.incident?.resolvedAt === null ? status.incident.id : null).toBe([...open][0] ?? null);
        const crowdLevel = later.aggregator.verdict("x", dataTime(asOf)).level;
        const [active] = await ctx.board.incidents({ serviceId: "x", state: "active", at: asOf });
        if (active) expect(active.currentLevel).toBe(crowdLevel);

        // Nothing dated after T, anywhere.
        const regions1h = await ctx.board.regions("x", "1h", asOf);
        const recent = await ctx.board.incidents({ serviceId: "x", state: "recent", at: asOf });
        for (const t of timesIn({ status, recent, regions1h })) expect(t).toBeLessThanOrEqual(asOf);

        // Counts per window: the status, the regions answers and the chart series say the same numbers.
        expect(regions1h.total).toBe(status.crowd.lastHour);
        expect(regions1h.rows.reduce((s, r) => s + r.reports, 0)).toBe(status.crowd.lastHour);
        expect((await ctx.board.regions("x", "15m", asOf)).total).toBe(status.crowd.last15m);
        const to = dataEnd(asOf);
        const series = await ctx.board.series("x", to - 60 * MIN, to, MIN);
        expect(series.reduce((s, p) => s + p.reports, 0)).toBe(status.crowd.lastHour);
        expect(series.slice(-15).reduce((s, p) => s + p.reports, 0)).toBe(status.crowd.last15m);
        expect(series.at(-1)?.level).toBe(crowdLevel);
        for (const p of series) expect(p.at).toBeLessThan(asOf);

        // The embed, the console and the JSON render that one report.
        const reply = await handleCommand(invocation("status", { service: "x" }), ctx);
        const embed = reply.embeds![0]!;
        expect(reply.data).toEqual(status);
        expect(embed.title).toContain(LEVEL_LABELS[status.level]);
        expect(embed.color).toBe(LEVEL_COLORS[status.level]);
        const reportsField = embed.fields?.find((f) => f.name === "Reports")?.value ?? "";
        if (status.crowd.lastHour > 0) {
          expect(reportsField).toContain(`**${formatCount(status.crowd.last15m)}** in the last 15 min`);
          expect(reportsField).toContain(`**${formatCount(status.crowd.lastHour)}** in the last hour`);
        }
        const text = renderText(reply, { color: false, now: asOf });
        expect(text).toContain(LEVEL_LABELS[status.level]);
        expect(text.includes("Resolved")).toBe(Boolean(status.incident?.resolvedAt));

        // The incidents answer lists the open incident iff the status has one, at the crowd's level.
        const incidents = await handleCommand(invocation("incidents", { service: "x", state: "active" }), ctx);
        const listed = incidents.data as { id: string; currentLevel: string }[];
        expect(listed.map((i) => i.id)).toEqual(status.incident?.resolvedAt === null ? [status.incident.id] : []);
        for (const i of listed) expect(i.currentLevel).toBe(crowdLevel);

        // The overview names the service exactly when its level is not operational.
        const overview = (await handleCommand(invocation("status"), ctx)).data as StatusReport[];
        expect(overview.some((r) => r.service.id === "x")).toBe(status.level !== "operational");
      }),
      { numRuns: 30 },
    );
  }, 120_000);
});
