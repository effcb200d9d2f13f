import { createRandom, poisson, type Random } from "../../../src/aggregator/scenarios/prng.js";

/** One report line as `outage-bot ingest` reads it. */
export interface ReportLine {
  service: string;
  region?: string;
  problem: string;
  at: string;
  reporter: string;
  origin?: string;
}

/** What really happened, to score detectors against. */
export interface Truth {
  /** Outage start and end (epoch ms), or null for a scenario without an outage. */
  onset: number | null;
  end: number | null;
  /** The country the outage is in, when it is in one only. */
  region: string | null;
  /** Minutes (epoch ms) at which the true answer is "no outage": every one that alarms is a false alarm. */
  quiet: number[];
}

/** One scenario: the file(s) to ingest in order, the service to ask about, and the truth. */
export interface Scenario {
  name: string;
  service: string;
  /** Ingested one after the other (a late batch comes as a second file). */
  files: ReportLine[][];
  truth: Truth;
}

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** The event day: Sunday 4 October 2026, after four full weeks of history. */
const EVENT_DAY = Date.UTC(2026, 9, 4);
const HISTORY_START = EVENT_DAY - 28 * DAY;
const REGIONS = [
  ["US", 0.4],
  ["GB", 0.2],
  ["DE", 0.15],
  ["FR", 0.1],
  ["JP", 0.1],
  ["BR", 0.05],
] as const;
const PROBLEMS = ["app", "website", "login", "other"] as const;

function pickRegion(random: Random): string {
  let u = random();
  for (const [code, share] of REGIONS) {
    if (u < share) return code;
    u -= share;
  }
  return "US";
}

/** Independent reports (each reporter its own origin) at `rate(t)` per minute over [from, to). */
function crowd(
  service: string,
  from: number,
  to: number,
  rate: (t: number) => number,
  random: Random,
  tag: string,
  region: (random: Random) => string = pickRegion,
): ReportLine[] {
  const out: ReportLine[] = [];
  let n = 0;
  for (let t = from; t < to; t += MIN) {
    const k = poisson(random, rate(t));
    for (let i = 0; i < k; i++) {
      out.push({
        service,
        region: region(random),
        problem: PROBLEMS[Math.floor(random() * PROBLEMS.length)]!,
        at: new Date(t + Math.floor(random() * MIN)).toISOString(),
        reporter: `${tag}-${n++}`,
      });
    }
  }
  return out;
}

/** Quiet check minutes: every `step` minutes over [from, to), skipping [skipFrom, skipTo). */
function quietMinutes(from: number, to: number, step: number, skipFrom = 0, skipTo = 0): number[] {
  const out: number[] = [];
  for (let t = from; t < to; t += step * MIN) if (t < skipFrom || t >= skipTo) out.push(t);
  return out;
}

/** A daily rhythm: quieter at night (UTC), busier in the day. */
const daily = (base: number) => (t: number) => {
  const h = (((t % DAY) + DAY) % DAY) / HOUR;
  return base * (0.6 + 0.4 * Math.sin(((h - 6) / 24) * 2 * Math.PI) + 0.4);
};

/** The eight scenarios of issue 13, each from its own seed. */
export function detectionScenarios(): Scenario[] {
  const end = EVENT_DAY + 18 * HOUR;
  const onset = EVENT_DAY + 14 * HOUR;
  const list: Scenario[] = [];
  // 1. A small service (~1 report per 10 minutes) with a modest outage: 3 a minute for 30 minutes.
  {
    const r = createRandom(101);
    const base = crowd("github", HISTORY_START, end, () => 0.1, r, "s");
    const out = crowd("github", onset, onset + 30 * MIN, () => 3, r, "so");
    list.push({
      name: "small service, modest outage",
      service: "github",
      files: [[...base, ...out]],
      truth: {
        onset,
        end: onset + 30 * MIN,
        region: null,
        quiet: quietMinutes(EVENT_DAY + 8 * HOUR, end, 10, onset - 10 * MIN, onset + 90 * MIN).concat(
          quietMinutes(onset - 10 * MIN, onset, 1),
        ),
      },
    });
  }
  // 2. A gradual ramp: from the usual 2 a minute up to 40 a minute over 20 minutes, for an hour.
  {
    const r = createRandom(202);
    const base = crowd("slack", HISTORY_START, end, daily(2), r, "r");
    const ramp = crowd("slack", onset, onset + 60 * MIN, (t) => Math.min(40, ((t - onset) / (20 * MIN)) * 40), r, "ro");
    list.push({
      name: "gradual ramp",
      service: "slack",
      files: [[...base, ...ramp]],
      truth: {
        onset,
        end: onset + 60 * MIN,
        region: null,
        quiet: quietMinutes(EVENT_DAY + 8 * HOUR, end, 10, onset - 10 * MIN, onset + 120 * MIN).concat(
          quietMinutes(onset - 10 * MIN, onset, 1),
        ),
      },
    });
  }
  // 3. An outage in one country only: France, 25 extra reports a minute for 40 minutes.
  {
    const r = createRandom(303);
    const base = crowd("discord", HISTORY_START, end, daily(3), r, "c");
    const out = crowd(
      "discord",
      onset,
      onset + 40 * MIN,
      () => 25,
      r,
      "co",
      () => "FR",
    );
    list.push({
      name: "outage in one country",
      service: "discord",
      files: [[...base, ...out]],
      truth: {
        onset,
        end: onset + 40 * MIN,
        region: "FR",
        quiet: quietMinutes(EVENT_DAY + 8 * HOUR, end, 10, onset - 10 * MIN, onset + 100 * MIN).concat(
          quietMinutes(onset - 10 * MIN, onset, 1),
        ),
      },
    });
  }
  // 4. A weekly evening peak, about 3× normal, every Sunday 19:00-22:00 UTC: not an outage.
  {
    const r = createRandom(404);
    const weekly = (t: number) => {
      const day = new Date(t).getUTCDay();
      const h = new Date(t).getUTCHours();
      return day === 0 && h >= 19 && h < 22 ? 6 : 2;
    };
    const peakEnd = EVENT_DAY + 23 * HOUR;
    const base = crowd("netflix", HISTORY_START, peakEnd, weekly, r, "w");
    list.push({
      name: "weekly evening peak (no outage)",
      service: "netflix",
      files: [base],
      truth: { onset: null, end: null, region: null, quiet: quietMinutes(EVENT_DAY + 18 * HOUR, peakEnd, 4) },
    });
  }
  // 5. A flood: ~300 reports from 20 accounts of one server within 5 minutes: not an outage.
  {
    const r = createRandom(505);
    const base = crowd("reddit", HISTORY_START, end, daily(1), r, "f");
    const flood: ReportLine[] = [];
    for (let i = 0; i < 300; i++) {
      flood.push({
        service: "reddit",
        region: "US",
        problem: "app",
        at: new Date(onset + Math.floor(r() * 5 * MIN)).toISOString(),
        reporter: `flooder-${i % 20}`,
        origin: "raid-server",
      });
    }
    list.push({
      name: "flood: 300 reports from 20 accounts (no outage)",
      service: "reddit",
      files: [[...base, ...flood]],
      truth: {
        onset: null,
        end: null,
        region: null,
        quiet: quietMinutes(onset - 10 * MIN, onset + 30 * MIN, 1).concat(
          quietMinutes(EVENT_DAY + 8 * HOUR, end, 15, onset - 10 * MIN, onset + 30 * MIN),
        ),
      },
    });
  }
  // 6. An abrupt global outage: from 5 a minute to 200 a minute for 45 minutes.
  {
    const r = createRandom(606);
    const base = crowd("x", HISTORY_START, end, daily(5), r, "g");
    const out = crowd("x", onset, onset + 45 * MIN, () => 200, r, "go");
    list.push({
      name: "abrupt global outage",
      service: "x",
      files: [[...base, ...out]],
      truth: {
        onset,
        end: onset + 45 * MIN,
        region: null,
        quiet: quietMinutes(EVENT_DAY + 8 * HOUR, end, 10, onset - 10 * MIN, onset + 105 * MIN).concat(
          quietMinutes(onset - 10 * MIN, onset, 1),
        ),
      },
    });
  }
  // 7. A busy service (6 a minute, flat) starting cold on the event day; an outage at 14:00.
  {
    const r = createRandom(707);
    const base = crowd("spotify", EVENT_DAY, end, () => 6, r, "b");
    const out = crowd("spotify", onset, onset + 30 * MIN, () => 120, r, "bo");
    list.push({
      name: "busy service starting cold",
      service: "spotify",
      files: [[...base, ...out]],
      // The first hour is the cold start itself (no history at all): judged from 02:00 on.
      truth: {
        onset,
        end: onset + 30 * MIN,
        region: null,
        quiet: quietMinutes(EVENT_DAY + 2 * HOUR, end, 10, onset - 10 * MIN, onset + 90 * MIN).concat(
          quietMinutes(onset - 10 * MIN, onset, 1),
        ),
      },
    });
  }
  // 8. A late batch: the outage's first 10 minutes arrive in a second import, after the rest.
  {
    const r = createRandom(808);
    const base = crowd("steam", HISTORY_START, end, daily(2), r, "l");
    const out = crowd("steam", onset, onset + 40 * MIN, () => 50, r, "lo");
    const late = out.filter((l) => Date.parse(l.at) < onset + 10 * MIN);
    const onTime = out.filter((l) => Date.parse(l.at) >= onset + 10 * MIN);
    list.push({
      name: "late batch",
      service: "steam",
      files: [[...base, ...onTime], late],
      truth: {
        onset,
        end: onset + 40 * MIN,
        region: null,
        quiet: quietMinutes(EVENT_DAY + 8 * HOUR, end, 10, onset - 10 * MIN, onset + 100 * MIN).concat(
          quietMinutes(onset - 10 * MIN, onset, 1),
        ),
      },
    });
  }
  return list;
}
