import { accountWeightUnits, ORIGIN_CAP_PER_QUARTER, RAID_NEW_ACCOUNTS_PER_MINUTE, RAID_ORIGIN_REPORTS_PER_MINUTE, SUSPECT, WEIGHT_UNITS, } from "./level-rules.js";
import { hourOfMinute, quarterOfMinute } from "./time.js";
/**
 * Weighs one accepted report (already in the raw counts): account age, then the origin's raid
 * flag and cap, then the API token's cap. Counts the origin for the diversity rule when the report
 * carries weight, records what was held back and why, and raises suspicions on bursts. Returns the
 * weight in WEIGHT_UNITS (0 = held back).
 */
export function weighReport(counts, report, minute, tokenCaps, suspect) {
    const ledger = counts.origins;
    const quarter = quarterOfMinute(minute);
    const e = ledger.entry(report.originHash, minute);
    if (minute > e.burstMinute) {
        e.burstMinute = minute;
        e.burst = 0;
    }
    e.burst++;
    if (quarter > e.quarter) {
        e.prevUsed = quarter === e.quarter + 1 ? e.used : 0;
        e.quarter = quarter;
        e.used = 0;
    }
    const created = report.accountCreatedAt;
    let units = created === null || created === undefined ? WEIGHT_UNITS : accountWeightUnits(created, report.at);
    let held = -1;
    if (units < WEIGHT_UNITS) {
        held = SUSPECT.newAccounts;
        if (minute > ledger.newMinute) {
            ledger.newMinute = minute;
            ledger.newBurst = 0;
        }
        ledger.newBurst++;
        if (ledger.newBurst >= RAID_NEW_ACCOUNTS_PER_MINUTE && ledger.newRaidQuarter !== quarter) {
            ledger.newRaidQuarter = quarter;
            suspect?.({ kind: "new_accounts", serviceId: counts.id, reports: ledger.newBurst, at: report.at });
        }
        if (ledger.newRaidQuarter === quarter) {
            units = 0;
            held = SUSPECT.newAccountRaid;
        }
    }
    if (e.burst >= RAID_ORIGIN_REPORTS_PER_MINUTE && e.raidQuarter !== quarter) {
        e.raidQuarter = quarter;
        suspect?.({
            kind: "origin_burst",
            serviceId: counts.id,
            originHash: report.originHash,
            reports: e.burst,
            at: report.at,
        });
    }
    if (units > 0 && e.raidQuarter === quarter) {
        units = 0;
        held = SUSPECT.originRaid;
    }
    if (units > 0) {
        const room = ORIGIN_CAP_PER_QUARTER * WEIGHT_UNITS - e.used;
        if (room <= 0) {
            units = 0;
            held = SUSPECT.serverCap;
        }
        else
            units = Math.min(units, room);
    }
    if (units > 0 && report.source === "api" && report.sourceName !== undefined) {
        units = tokenRoom(counts, report.sourceName, hourOfMinute(minute), units, tokenCaps);
        if (units === 0)
            held = SUSPECT.tokenCap;
    }
    if (held >= 0)
        counts.suspects.add(held, minute);
    if (units > 0) {
        e.used += units;
        ledger.count(e, minute, counts.head);
    }
    return units;
}
/** Units of `units` the token may still add to the service this hour; charges them. */
function tokenRoom(counts, token, hour, units, caps) {
    const cap = (caps.byToken[token] ?? caps.fallback) * WEIGHT_UNITS;
    let use = counts.origins.tokens.get(token);
    if (use === undefined) {
        use = { hour, used: 0 };
        counts.origins.tokens.set(token, use);
    }
    else if (hour > use.hour) {
        use.hour = hour;
        use.used = 0;
    }
    const granted = Math.max(0, Math.min(units, cap - use.used));
    use.used += granted;
    return granted;
}
/** Takes an excluded origin's weight of the last two quarter hours back out of the service's counts. */
export function forgetOrigin(counts, originHash) {
    const e = counts.origins.remove(originHash, counts.head);
    if (e === undefined)
        return false;
    // Each quarter's weight lies within that quarter's own minutes: take it back from there.
    const start = e.quarter * 15;
    counts.removeWeighted(e.used, start, start + 14);
    counts.removeWeighted(e.prevUsed, start - 15, start - 1);
    return true;
}
/** Takes an excluded API token's weight of this hour back out of the service's counts. */
export function forgetToken(counts, token) {
    const use = counts.origins.tokens.get(token);
    if (use === undefined)
        return false;
    counts.origins.tokens.delete(token);
    counts.removeWeighted(use.used, use.hour * 60, use.hour * 60 + 59);
    return true;
}
//# sourceMappingURL=crowd-weight.js.map