/**
 * The rules that turn crowd counts into a level. All thresholds live here, tuned with the
 * `x-outage` and `quiet-week` replays.
 *
 * Counts here are weighted reports (account age, caps, held-back raids: see the diversity rule
 * below), and the level is no higher than the distinct origins of the last hour allow.
 *
 * | level          | recent rate vs usual | and reports in 15 min |
 * |----------------|----------------------|-----------------------|
 * | degraded       | ≥ 3×                 | ≥ 10                  |
 * | partial_outage | ≥ 10×                | ≥ 50                  |
 * | major_outage   | ≥ 40×                | ≥ 300                 |
 *
 * The rate is checked twice: the last 15 minutes, and the last 5 minutes scaled to 15. The level is
 * the lower of the two, so a rise shows as soon as both agree, and a fall shows within 5 minutes
 * instead of lingering for the whole 15-minute window.
 *
 * Usual = the baseline for the hour of the week (see below), never less than
 * BASELINE_FLOOR_PER_HOUR, so a quiet service does not alert on 3 reports.
 *
 * Incidents:
 * | rule                                   | value |
 * |----------------------------------------|-------|
 * | open: consecutive minutes above operational, each with elevated reports | 2 |
 * | elevated minute: reports ≥ max(2, 3 × usual per minute)                | 2, 3× |
 * | escalate: minutes at a higher level                                    | 2 |
 * | de-escalate: minutes all below the current level                       | 5 |
 * | resolve: consecutive operational minutes                               | 15 |
 * | "updated" event: peak per minute grew by                               | ≥ 25 %, ≥ 5 min apart |
 */
export const LEVEL_THRESHOLDS = [
    { level: "major_outage", minRatio: 40, minReports15m: 300 },
    { level: "partial_outage", minRatio: 10, minReports15m: 50 },
    { level: "degraded", minRatio: 3, minReports15m: 10 },
];
/** The usual rate never counts as less than this many reports per hour. */
export const BASELINE_FLOOR_PER_HOUR = 2;
/** Past weeks of the same hour of the week used for the baseline (the hourly history keeps 28 days). */
export const BASELINE_WEEKS = 4;
/** Past full hours whose median stands in for the baseline while weekly history is short. */
export const BASELINE_RECENT_HOURS = 24;
/** Weekly samples needed before the weekly samples alone are the baseline (one sample weighs half). Below it the answer says "little history yet". */
export const BASELINE_FULL_WEEKS = 2;
/** In a service's first hour (no full hour yet), the median minute is the usual rate once this many minutes before the 15-minute window exist. */
export const BASELINE_COLD_MINUTES = 30;
/** Consecutive minutes above operational, each with elevated reports, that open an incident. */
export const OPEN_AFTER_MINUTES = 2;
/** An elevated minute has at least this many reports … */
export const ELEVATED_MIN_REPORTS_PER_MINUTE = 2;
/** … and at least this multiple of the usual reports per minute. */
export const ELEVATED_RATIO_PER_MINUTE = 3;
/** Minutes at a higher level before an open incident escalates. */
export const ESCALATE_AFTER_MINUTES = 2;
/** Minutes all below the current level before an open incident de-escalates. */
export const DEESCALATE_AFTER_MINUTES = 5;
/** Consecutive operational minutes that resolve an incident; waves within this gap continue it. */
export const RESOLVE_AFTER_MINUTES = 15;
/** An "updated" event needs the peak per minute to grow by this factor since the last announcement … */
export const UPDATE_PEAK_GROWTH = 1.25;
/** … and at least this many minutes since the incident's last event. */
export const UPDATE_MIN_INTERVAL_MINUTES = 5;
/**
 * Diversity and provenance (issue 9): what the crowd signal counts, so that one server, a swarm
 * of new accounts or one API token cannot fake an outage. Levels are computed from *weighted*
 * counts (each report weighs by its account's age, within per-server and per-token caps) and
 * capped by the number of distinct origins that reported in the last hour. An origin is the
 * Discord server (hashed), the `origin` an API or import report names, or else the reporter
 * itself, so independent reports without an origin each count as one.
 *
 * | rule                                                        | value                         |
 * |-------------------------------------------------------------|-------------------------------|
 * | distinct origins in the last hour for at most `degraded`     | 1–4 ("reports from one server only" / "only N servers") |
 * | … for `partial_outage`                                       | ≥ 5                           |
 * | … for `major_outage`                                         | ≥ 15                          |
 * | weight of a report from an account younger than 1 day       | 0.25                          |
 * | … younger than 7 days                                        | 0.5                           |
 * | … older, or of unknown age                                   | 1                             |
 * | per-origin cap: weighted reports one origin adds per service | 20 per quarter hour           |
 * | per-API-token cap: weighted reports one token adds per service | API_TOKEN_CAPS / API_TOKEN_CAP_DEFAULT (1,000) per hour |
 * | suspected raid: reports from one origin for one service     | ≥ 20 within one minute        |
 * | suspected raid: reports from accounts < 7 days for one service | ≥ 20 within one minute     |
 *
 * A suspected raid is reported (logged by the app) once per origin and quarter hour, and the
 * rest of that quarter hour's reports from the raiding origin (or from new accounts, for a
 * new-account raid) are held back: kept in the report counts, left out of the level. Reports
 * over a cap are held back the same way. `crowd.suspected` lists what was held back in the
 * last hour and why. Excluded origins and tokens are refused outright (reason `excluded`), and
 * what they added to the last two quarter hours (a token: this hour) is taken back at once.
 */
export const ORIGIN_LEVEL_RULES = [
    { level: "major_outage", minOrigins: 15 },
    { level: "partial_outage", minOrigins: 5 },
    { level: "degraded", minOrigins: 1 },
];
/** Weights are kept in integer units of a quarter report, so counts stay exact typed-array integers. */
export const WEIGHT_UNITS = 4;
/** Account age → weight in WEIGHT_UNITS: under a day 1 (0.25), under a week 2 (0.5), else 4 (1). */
export const ACCOUNT_AGE_WEIGHTS = [
    { maxAgeMs: 24 * 3_600_000, units: 1 },
    { maxAgeMs: 7 * 24 * 3_600_000, units: 2 },
];
/** Weighted reports one origin may add to one service per quarter hour. */
export const ORIGIN_CAP_PER_QUARTER = 20;
/** Weighted reports one API token may add to one service per hour, unless configured per token. */
export const DEFAULT_TOKEN_CAP_PER_HOUR = 1000;
/** Reports from one origin for one service within one minute that make a suspected raid. */
export const RAID_ORIGIN_REPORTS_PER_MINUTE = 20;
/** Reports from new accounts (under 7 days) for one service within one minute that make a suspected raid. */
export const RAID_NEW_ACCOUNTS_PER_MINUTE = 20;
/** Why reports were held back (or, for `excluded`, refused); the words `crowd.suspected` shows. */
export const SUSPECT_REASONS = [
    "suspected raid: many reports from one server within a minute",
    "suspected raid: many new accounts at once",
    "over the per-server cap",
    "over the API token's cap",
    "new accounts, counted for less",
    "from an excluded server or token",
];
/** Index of each suspect reason in SUSPECT_REASONS. */
export const SUSPECT = {
    originRaid: 0,
    newAccountRaid: 1,
    serverCap: 2,
    tokenCap: 3,
    newAccounts: 4,
    excluded: 5,
};
/** Weight (in WEIGHT_UNITS) of a report from an account created at `createdAt`, reported at `at`. */
export function accountWeightUnits(createdAt, at) {
    if (createdAt === null || createdAt === undefined || !Number.isFinite(createdAt))
        return WEIGHT_UNITS;
    const age = at - createdAt;
    for (const rule of ACCOUNT_AGE_WEIGHTS)
        if (age < rule.maxAgeMs)
            return rule.units;
    return WEIGHT_UNITS;
}
/** The highest level `origins` distinct origins in the last hour allow. */
export function maxLevelForOrigins(origins) {
    for (const rule of ORIGIN_LEVEL_RULES)
        if (origins >= rule.minOrigins)
            return rule.level;
    return "operational";
}
/** Level of one window: `reports` counted against `expected` reports for the same window. */
export function levelForWindow(reports, expected) {
    const ratio = reports / Math.max(expected, Number.EPSILON);
    for (const rule of LEVEL_THRESHOLDS) {
        if (ratio >= rule.minRatio && reports >= rule.minReports15m)
            return rule.level;
    }
    return "operational";
}
/** The level from the rates alone: the lower of the 15-minute and scaled 5-minute levels. */
export function levelFromRatesOnly(input) {
    const expected15 = Math.max(input.baselineHour, BASELINE_FLOOR_PER_HOUR) / 4;
    const by15 = levelForWindow(input.last15, expected15);
    if (by15 === "operational")
        return by15;
    const by5 = levelForWindow(input.last5 * 3, expected15);
    return LEVEL_ORDER[by15] <= LEVEL_ORDER[by5] ? by15 : by5;
}
/** The level from the rates, no higher than the distinct origins allow (when given). */
export function levelFromRates(input) {
    const byRates = levelFromRatesOnly(input);
    if (input.origins === undefined || byRates === "operational")
        return byRates;
    const cap = maxLevelForOrigins(input.origins);
    return LEVEL_ORDER[cap] < LEVEL_ORDER[byRates] ? cap : byRates;
}
/** Whether a minute's count is high enough to count towards opening an incident. */
export function isElevatedMinute(reports, baselineHour) {
    return (reports >= ELEVATED_MIN_REPORTS_PER_MINUTE &&
        reports >= (ELEVATED_RATIO_PER_MINUTE * Math.max(baselineHour, BASELINE_FLOOR_PER_HOUR)) / 60);
}
/** Severity rank by level (a local copy keeps the hot path free of indexOf). */
export const LEVEL_ORDER = {
    operational: 0,
    degraded: 1,
    partial_outage: 2,
    major_outage: 3,
};
//# sourceMappingURL=level-rules.js.map