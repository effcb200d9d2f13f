import { REPORTER_RULES } from "../aggregator/reporter-guard.js";
import { type Problem, ProblemSchema } from "../domain/problems.js";
import type { Amendment } from "../domain/report.js";
import type { RedisClient } from "./redis-connection.js";

/** What the shared guard decided for one report (the aggregator's guard decides the same for it). */
export type SharedGuardVerdict =
  | { verdict: "ok" | "duplicate" | "rate_limited" }
  | ({ verdict: "amended" } & Amendment);

/** The per-reporter guard every gateway of a deployment consults, so its reply can say what the report did. */
export interface SharedReporterGuard {
  /** Checks a report (reporter hash, service, time, problem) and remembers it, atomically for all gateways. */
  admit(reporterHash: string, serviceId: string, at: number, problem: Problem): Promise<SharedGuardVerdict>;
}

// The rules of ReporterGuard.admit (src/aggregator/reporter-guard.ts), on one hash per reporter:
// "start"/"count" are its rate window, "s:<service>" its report for a service as
// "<counted at> <problem> <problem named at>". One script, so two gateways never both count.
// tests/scale/shared-reporter-guard.test.ts holds both guards to the same verdicts.
const ADMIT = `
local key, field = KEYS[1], "s:" .. ARGV[1]
local at, problem = tonumber(ARGV[2]), ARGV[3]
local dedupe, max, rate, ttl = tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6]), ARGV[7]
local entry = redis.call("hget", key, field)
local counted, had, named
if entry then
  local a, p, n = string.match(entry, "^(%S+) (%S+) (%S+)$")
  counted, had, named = tonumber(a), p, tonumber(n)
  if math.abs(at - counted) < dedupe then
    if problem == had or at < named then return {"duplicate"} end
    redis.call("hset", key, field, a .. " " .. problem .. " " .. ARGV[2])
    redis.call("pexpire", key, ttl)
    return {"amended", had, a}
  end
end
local start, count = tonumber(redis.call("hget", key, "start")), tonumber(redis.call("hget", key, "count"))
local over = start == nil or at - start >= rate
if not over and count >= max then return {"rate_limited"} end
if over then
  redis.call("hset", key, "start", ARGV[2], "count", 1)
else
  redis.call("hincrby", key, "count", 1)
end
if not entry or at > counted then redis.call("hset", key, field, ARGV[2] .. " " .. problem .. " " .. ARGV[2]) end
redis.call("pexpire", key, ttl)
return {"ok"}
`;

/** Options of createSharedReporterGuard. */
export interface SharedReporterGuardOptions {
  client: RedisClient;
  /** The key of one reporter's hash (scaleKeys().reporter). */
  keyOf: (reporterHash: string) => string;
  /** The aggregator's rules (the defaults unless its options change them). */
  rules?: { dedupeWindowMs: number; maxReportsPerReporter: number; rateWindowMs: number };
}

/**
 * The reporter guard in Redis: a gateway asks it before queuing a report, so its reply says
 * counted, amended (from which problem, counted when), already reported or too many, as the one
 * aggregator will find when it applies the report. Each reporter's hash expires a window after its
 * last report: memory follows the people reporting now.
 */
export function createSharedReporterGuard(options: SharedReporterGuardOptions): SharedReporterGuard {
  const rules = options.rules ?? REPORTER_RULES;
  const ttl = String(Math.max(rules.dedupeWindowMs, rules.rateWindowMs));
  return {
    async admit(reporterHash, serviceId, at, problem) {
      const reply = (await options.client.eval(ADMIT, {
        keys: [options.keyOf(reporterHash)],
        arguments: [
          serviceId,
          String(at),
          problem,
          String(rules.dedupeWindowMs),
          String(rules.maxReportsPerReporter),
          String(rules.rateWindowMs),
          ttl,
        ],
      })) as string[];
      const [verdict, from, countedAt] = reply;
      if (verdict === "amended") return { verdict, from: ProblemSchema.parse(from), countedAt: Number(countedAt) };
      if (verdict === "duplicate" || verdict === "rate_limited") return { verdict };
      return { verdict: "ok" };
    },
  };
}
