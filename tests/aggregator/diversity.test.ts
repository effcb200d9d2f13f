import { describe, expect, it } from "vitest";
import {
  type CrowdSuspicion,
  createAggregator,
  LEVEL_ORDER,
  maxLevelForOrigins,
  ORIGIN_CAP_PER_QUARTER,
  restoreAggregator,
} from "../../src/aggregator/index.js";
import { runReplay } from "../../src/aggregator/scenarios/index.js";
import { HOUR, MIN, report, T0 } from "./helpers.js";

const DAY = 24 * HOUR;

describe("diversity rule", () => {
  it("keeps a raid of 500 reports from one guild in 2 minutes at most degraded, saying it is one server", () => {
    const agg = createAggregator();
    const levels = new Set<string>();
    for (let i = 0; i < 500; i++) {
      agg.ingest(report({ originHash: "raid-guild", source: "discord", at: T0 + Math.floor((i * 2 * MIN) / 500) }));
      if (i % 50 === 49) levels.add(agg.verdict("svc", T0 + Math.floor((i * 2 * MIN) / 500)).level);
    }
    const events = agg.tick(T0 + 3 * MIN);
    const v = agg.verdict("svc", T0 + 2 * MIN);
    expect(v.lastHour).toBe(500);
    expect(v.originsHour).toBe(1);
    expect(LEVEL_ORDER[v.level]).toBeLessThanOrEqual(LEVEL_ORDER.degraded);
    for (const level of levels) expect(LEVEL_ORDER[level as keyof typeof LEVEL_ORDER]).toBeLessThanOrEqual(1);
    expect(v.reason).toContain("Reports from one server only");
    for (const e of events) expect(LEVEL_ORDER[e.incident.level]).toBeLessThanOrEqual(LEVEL_ORDER.degraded);
  });

  it("raises the level for 50 reports spread over 30 guilds as it does for 50 independent reporters", () => {
    const spread = createAggregator();
    const lone = createAggregator();
    for (let i = 0; i < 50; i++) {
      const at = T0 + Math.floor((i * 10 * MIN) / 50);
      spread.ingest(report({ originHash: `guild-${i % 30}`, source: "discord", at }));
      lone.ingest(report({ at }));
    }
    const a = spread.verdict("svc", T0 + 10 * MIN);
    const b = lone.verdict("svc", T0 + 10 * MIN);
    expect(a.level).toBe("partial_outage");
    expect(a.level).toBe(b.level);
    expect(a.weighted15).toBe(50);
    expect(a.originsHour).toBe(30);
  });

  it("counts 300 brand-new accounts for less than 300 old ones", () => {
    const fresh = createAggregator();
    const old = createAggregator();
    for (let i = 0; i < 300; i++) {
      const at = T0 + Math.floor((i * 10 * MIN) / 300);
      const base = { originHash: `guild-${i % 60}`, source: "discord" as const, at };
      fresh.ingest(report({ ...base, accountCreatedAt: at - HOUR }));
      old.ingest(report({ ...base, accountCreatedAt: at - 400 * DAY }));
    }
    const f = fresh.verdict("svc", T0 + 10 * MIN);
    const o = old.verdict("svc", T0 + 10 * MIN);
    expect(o.level).toBe("major_outage");
    expect(f.lastHour).toBe(o.lastHour);
    expect(f.weighted15).toBeLessThan(o.weighted15 / 4 + 1);
    expect(LEVEL_ORDER[f.level]).toBeLessThan(LEVEL_ORDER[o.level]);
    expect(f.suspected.map((s) => s.reason)).toContain("suspected raid: many new accounts at once");
  });

  it("weighs an account under a day at a quarter and under a week at a half", () => {
    const agg = createAggregator();
    agg.ingest(report({ at: T0, accountCreatedAt: T0 - HOUR }));
    agg.ingest(report({ at: T0, accountCreatedAt: T0 - 3 * DAY }));
    agg.ingest(report({ at: T0, accountCreatedAt: T0 - 30 * DAY }));
    agg.ingest(report({ at: T0, accountCreatedAt: null }));
    expect(agg.verdict("svc", T0).weighted15).toBe(0.25 + 0.5 + 1 + 1);
  });

  it("lets one guild add at most the per-origin cap per quarter hour, holding back the rest", () => {
    const agg = createAggregator();
    // 40 reports over 14 minutes: never 20 in one minute, so no raid, only the cap.
    for (let i = 0; i < 40; i++) agg.ingest(report({ originHash: "busy", at: T0 + Math.floor((i * 14 * MIN) / 40) }));
    const v = agg.verdict("svc", T0 + 14 * MIN);
    expect(v.weighted15).toBe(ORIGIN_CAP_PER_QUARTER);
    expect(v.suspected).toEqual([{ reason: "over the per-server cap", reports: 40 - ORIGIN_CAP_PER_QUARTER }]);
  });

  it("lets one API token add at most its own cap per hour to a service", () => {
    const agg = createAggregator({ tokenCaps: { small: 30 }, tokenCapPerHour: 100 });
    for (let i = 0; i < 200; i++) {
      const at = T0 + Math.floor((i * 10 * MIN) / 200);
      agg.ingest(report({ source: "api", sourceName: "small", at }));
      agg.ingest(report({ serviceId: "other", source: "api", sourceName: "big", at }));
    }
    expect(agg.verdict("svc", T0 + 10 * MIN).weighted15).toBe(30);
    expect(agg.verdict("other", T0 + 10 * MIN).weighted15).toBe(100);
    expect(agg.verdict("svc", T0 + 10 * MIN).suspected).toEqual([{ reason: "over the API token's cap", reports: 170 }]);
  });

  it("still counts independent reports without an origin each as their own origin", () => {
    const agg = createAggregator();
    for (let i = 0; i < 400; i++) agg.ingest(report({ source: "import", at: T0 + Math.floor((i * 10 * MIN) / 400) }));
    const v = agg.verdict("svc", T0 + 10 * MIN);
    expect(v.originsHour).toBe(400);
    expect(v.level).toBe("major_outage");
    expect(v.suspected).toEqual([]);
  });

  it("holds reports from three guilds to degraded even when their weighted count alone makes a partial outage", () => {
    const agg = createAggregator();
    // 3 guilds × 19 reports over 14 minutes: under every cap and raid threshold, 57 weighted reports.
    for (let i = 0; i < 57; i++)
      agg.ingest(report({ originHash: `g${i % 3}`, at: T0 + Math.floor((i * 14 * MIN) / 57) }));
    const v = agg.verdict("svc", T0 + 14 * MIN);
    expect(v.weighted15).toBe(57);
    expect(v.suspected).toEqual([]);
    expect(v.level).toBe("degraded");
    expect(v.reason).toContain("Reports from only 3 servers: partial outage needs reports from at least 5.");
  });

  it("needs 5 origins for a partial outage and 15 for a major one", () => {
    expect([0, 1, 4, 5, 14, 15, 1000].map(maxLevelForOrigins)).toEqual([
      "operational",
      "degraded",
      "degraded",
      "partial_outage",
      "partial_outage",
      "major_outage",
      "major_outage",
    ]);
  });
});

describe("raid detection", () => {
  it("reports a burst from one guild once per quarter hour with its hashed origin", () => {
    const seen: CrowdSuspicion[] = [];
    const agg = createAggregator({ onSuspicion: (s) => seen.push(s) });
    for (let i = 0; i < 100; i++) agg.ingest(report({ originHash: "h-guild", at: T0 + i * 500 }));
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ kind: "origin_burst", serviceId: "svc", originHash: "h-guild", reports: 20 });
    expect(agg.verdict("svc", T0 + MIN).suspected[0]?.reason).toBe(
      "suspected raid: many reports from one server within a minute",
    );
  });

  it("reports many new accounts at once", () => {
    const seen: CrowdSuspicion[] = [];
    const agg = createAggregator({ onSuspicion: (s) => seen.push(s) });
    for (let i = 0; i < 25; i++) agg.ingest(report({ at: T0 + i * 1000, accountCreatedAt: T0 - HOUR }));
    expect(seen.map((s) => s.kind)).toEqual(["new_accounts"]);
  });

  it("keeps counting when the suspicion listener throws", () => {
    const agg = createAggregator({
      onSuspicion: () => {
        throw new Error("listener broke");
      },
    });
    for (let i = 0; i < 30; i++) expect(agg.ingest(report({ originHash: "g", at: T0 + i * 100 })).accepted).toBe(true);
  });
});

describe("exclusions", () => {
  it("stops counting an excluded guild at once, past reports included, and refuses its new ones", () => {
    const agg = createAggregator();
    for (let i = 0; i < 60; i++) agg.ingest(report({ originHash: `guild-${i % 30}`, at: T0 + i * 5000 }));
    for (let i = 0; i < 15; i++) agg.ingest(report({ originHash: "loud", at: T0 + i * 20_000 }));
    const before = agg.verdict("svc", T0 + 5 * MIN);
    agg.setExclusions({ origins: ["loud"], tokens: [] });
    const after = agg.verdict("svc", T0 + 5 * MIN);
    expect(after.originsHour).toBe(before.originsHour - 1);
    expect(after.weighted15).toBe(before.weighted15 - 15);
    const refused = agg.ingest(report({ originHash: "loud", at: T0 + 5 * MIN }));
    expect(refused).toMatchObject({ accepted: false, reason: "excluded" });
    expect(agg.verdict("svc", T0 + 5 * MIN).suspected).toEqual([
      { reason: "from an excluded server or token", reports: 1 },
    ]);
  });

  it("brings a one-guild raid back to operational the moment the guild is excluded", () => {
    const agg = createAggregator();
    for (let i = 0; i < 200; i++) agg.ingest(report({ originHash: "raid", at: T0 + i * 300 }));
    expect(agg.verdict("svc", T0 + MIN).level).toBe("degraded");
    agg.setExclusions({ origins: ["raid"], tokens: [] });
    expect(agg.verdict("svc", T0 + MIN).level).toBe("operational");
  });

  it("refuses an excluded API token's reports and counts the guild again once included", () => {
    const agg = createAggregator();
    agg.setExclusions({ origins: ["g"], tokens: ["bad"] });
    expect(agg.ingest(report({ source: "api", sourceName: "bad" })).accepted).toBe(false);
    expect(agg.ingest(report({ source: "api", sourceName: "good" })).accepted).toBe(true);
    expect(agg.ingest(report({ originHash: "g" })).accepted).toBe(false);
    agg.setExclusions({ origins: [], tokens: [] });
    expect(agg.ingest(report({ originHash: "g" })).accepted).toBe(true);
    expect(agg.stats().counters.rejected.excluded).toBe(2);
  });
});

describe("x-outage replay with many guilds", () => {
  it("is detected within 2 minutes with reports from many servers behind it", () => {
    const result = runReplay("x-outage");
    for (const outage of result.expected) {
      const opened = result.events.find((e) => e.kind === "opened" && e.at >= outage.start);
      expect(opened!.at - outage.start).toBeLessThanOrEqual(2 * MIN);
      const v = result.aggregator.verdict("x", opened!.at);
      expect(v.originsHour).toBeGreaterThanOrEqual(15);
    }
    expect(result.timeline[1]!.level).toBe("major_outage");
    // The largest servers hit the per-server cap at the peak, and the outage is still major.
    const peak = result.aggregator.verdict("x", result.timeline[1]!.peakAt + 5 * MIN);
    expect(peak.weighted15).toBeLessThan(peak.last15);
    expect(peak.level).toBe("major_outage");
    expect(peak.suspected.map((x) => x.reason)).toContain("over the per-server cap");
  });
});

describe("snapshot of the provenance state", () => {
  it("restores caps, raid flags, token use, held-back counts and origin history", () => {
    const a = createAggregator({ tokenCaps: { t: 10 } });
    for (let i = 0; i < 50; i++) a.ingest(report({ originHash: "raid", at: T0 + i * 1000 }));
    for (let i = 0; i < 30; i++)
      a.ingest(report({ originHash: `g${i}`, at: T0 + i * 1000, accountCreatedAt: T0 - HOUR }));
    for (let i = 0; i < 20; i++) a.ingest(report({ source: "api", sourceName: "t", at: T0 + MIN + i }));
    a.tick(T0 + 3 * MIN);
    const b = restoreAggregator(JSON.parse(JSON.stringify(a.snapshot())), { tokenCaps: { t: 10 } });
    for (const at of [T0 + MIN, T0 + 2 * MIN, T0 + 3 * MIN]) expect(b.verdict("svc", at)).toEqual(a.verdict("svc", at));
    // The raiding guild, the token and the new-account raid stay held back after the restore.
    for (const agg of [a, b]) {
      agg.ingest(report({ originHash: "raid", at: T0 + 3 * MIN }));
      agg.ingest(report({ source: "api", sourceName: "t", at: T0 + 3 * MIN }));
      agg.ingest(report({ at: T0 + 3 * MIN, accountCreatedAt: T0 - HOUR }));
    }
    expect(b.verdict("svc", T0 + 3 * MIN)).toEqual(a.verdict("svc", T0 + 3 * MIN));
    expect(b.tick(T0 + 20 * MIN)).toEqual(a.tick(T0 + 20 * MIN));
  });

  it("keeps reporters and guilds only as the hashes it was given", () => {
    const agg = createAggregator();
    agg.ingest(report({ reporterHash: "HASHED-REPORTER", originHash: "HASHED-GUILD", at: T0 }));
    const json = JSON.stringify(agg.snapshot());
    expect(json).toContain("HASHED-GUILD");
    expect(json).not.toMatch(/reporter-\d|origin-\d/);
  });
});
