// The gateways' reporter guard in Redis and the aggregator's in memory give the same verdict for
// the same reports: a gateway's answer to /outage report is what the worker then finds.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPORTER_RULES, ReporterGuard } from "../../src/aggregator/reporter-guard.js";
import { PROBLEMS, type Problem } from "../../src/domain/problems.js";
import { scaleKeys } from "../../src/scale/keys.js";
import { closeRedis, type RedisClient } from "../../src/scale/redis-connection.js";
import { createSharedReporterGuard, type SharedGuardVerdict } from "../../src/scale/shared-reporter-guard.js";
import { dropPrefix, runRedis, testClient, uniquePrefix } from "./redis-run.js";

const T0 = Date.UTC(2026, 10, 26, 12, 0);
const MIN = 60_000;

/** One report: reporter, service, minutes after T0, problem. */
type Step = [reporter: string, service: string, minute: number, problem: Problem];

/** The aggregator's guard over `steps`, its verdicts in the shared guard's shape. */
function inMemory(steps: Step[]): SharedGuardVerdict[] {
  const guard = new ReporterGuard(
    REPORTER_RULES.dedupeWindowMs,
    REPORTER_RULES.maxReportsPerReporter,
    REPORTER_RULES.rateWindowMs,
  );
  const keys = new Map<string, number>();
  return steps.map(([reporter, service, minute, problem]) => {
    if (!keys.has(service)) keys.set(service, keys.size);
    const verdict = guard.admit(reporter, keys.get(service)!, T0 + minute * MIN, PROBLEMS.indexOf(problem));
    return verdict === "amended"
      ? { verdict, from: PROBLEMS[guard.amendedFrom]!, countedAt: guard.amendedAt }
      : { verdict };
  });
}

const tenServices = Array.from({ length: 10 }, (_, i): Step => ["ana", `s${i}`, i, "app"]);

const cases: [string, Step[], SharedGuardVerdict["verdict"][]][] = [
  ["a first report counts", [["ana", "x", 0, "app"]], ["ok"]],
  [
    "the same problem again within 15 minutes is a duplicate",
    [
      ["ana", "x", 0, "app"],
      ["ana", "x", 5, "app"],
    ],
    ["ok", "duplicate"],
  ],
  [
    "another problem within 15 minutes amends the first",
    [
      ["ana", "x", 0, "app"],
      ["ana", "x", 5, "login"],
      ["ana", "x", 9, "payments"],
    ],
    ["ok", "amended", "amended"],
  ],
  [
    "a report older than the one that named the problem changes nothing",
    [
      ["ana", "x", 0, "app"],
      ["ana", "x", 6, "login"],
      ["ana", "x", 3, "payments"],
    ],
    ["ok", "amended", "duplicate"],
  ],
  [
    "15 minutes after the first, a report counts again",
    [
      ["ana", "x", 0, "app"],
      ["ana", "x", 15, "login"],
    ],
    ["ok", "ok"],
  ],
  [
    "another person's report is their own",
    [
      ["ana", "x", 0, "app"],
      ["ben", "x", 1, "app"],
    ],
    ["ok", "ok"],
  ],
  [
    "the eleventh report in 15 minutes is one too many",
    [...tenServices, ["ana", "s10", 11, "app"]],
    [...tenServices.map(() => "ok" as const), "rate_limited"],
  ],
  [
    "an amendment does not count towards the ten",
    [...tenServices, ["ana", "s0", 11, "login"]],
    [...tenServices.map(() => "ok" as const), "amended"],
  ],
  [
    "a new rate window opens 15 minutes after the first report",
    [...tenServices, ["ana", "s10", 15, "app"]],
    [...tenServices.map(() => "ok" as const), "ok"],
  ],
];

describe.runIf(runRedis)("the shared reporter guard in Redis", () => {
  const prefix = uniquePrefix("guard");
  const keys = scaleKeys(prefix);
  let client: RedisClient;
  let run = 0;

  beforeAll(async () => {
    client = await testClient();
  });
  afterAll(async () => {
    await closeRedis(client);
    await dropPrefix(prefix);
  });

  /** The Redis guard over `steps`, with reporters of their own (each case starts from nothing). */
  async function inRedis(steps: Step[]): Promise<SharedGuardVerdict[]> {
    const guard = createSharedReporterGuard({ client, keyOf: keys.reporter });
    const own = `case${run++}-`;
    const out: SharedGuardVerdict[] = [];
    for (const [reporter, service, minute, problem] of steps)
      out.push(await guard.admit(own + reporter, service, T0 + minute * MIN, problem));
    return out;
  }

  it.each(cases)("decides as the aggregator's guard: %s", async (_name, steps, expected) => {
    const shared = await inRedis(steps);
    expect(shared.map((v) => v.verdict)).toEqual(expected);
    expect(shared).toEqual(inMemory(steps));
  });

  it("names the problem amended and the time the report was counted at", async () => {
    const [, amended] = await inRedis([
      ["ana", "x", 0, "app"],
      ["ana", "x", 5, "login"],
    ]);
    expect(amended).toEqual({ verdict: "amended", from: "app", countedAt: T0 });
  });

  it("lets two gateways asking at once count a report once", async () => {
    const other = await testClient();
    try {
      const guards = [client, other].map((c) => createSharedReporterGuard({ client: c, keyOf: keys.reporter }));
      const verdicts = await Promise.all(
        Array.from({ length: 8 }, (_, i) => guards[i % 2]!.admit("racer", "x", T0, "app").then((v) => v.verdict)),
      );
      expect(verdicts.filter((v) => v === "ok")).toHaveLength(1);
      expect(verdicts.filter((v) => v === "duplicate")).toHaveLength(7);
    } finally {
      await closeRedis(other);
    }
  });

  it("forgets a reporter a window after their last report", async () => {
    const guard = createSharedReporterGuard({ client, keyOf: keys.reporter });
    await guard.admit("leaver", "x", T0, "app");
    const ttl = await client.pTTL(keys.reporter("leaver"));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(REPORTER_RULES.dedupeWindowMs);
  });
});
