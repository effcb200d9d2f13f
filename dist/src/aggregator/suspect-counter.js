import { SUSPECT_REASONS } from "./level-rules.js";
import { slot } from "./time.js";
/** Minutes of held-back counts kept per minute (the last hour). */
export const SUSPECT_MINUTES = 60;
/** Quarter hours of held-back counts kept per quarter (24 h and the current one), for as-of questions. */
export const SUSPECT_QUARTERS = 97;
const REASONS = SUSPECT_REASONS.length;
/** Clears the slots a ring reuses when its head moves from `head` to `to`; returns the new head. */
function moveHead(ring, size, head, to) {
    if (to <= head)
        return head;
    const steps = head < 0 ? size : Math.min(to - head, size);
    for (let k = 0; k < steps; k++) {
        const o = slot(to - k, size) * REASONS;
        ring.fill(0, o, o + REASONS);
    }
    return to;
}
/**
 * Reports held back from the level (or refused as excluded) per reason: per minute over the last
 * hour, and per quarter hour over 24 h. Keeps its own heads, so a count never lands in a slot that
 * is not cleared yet.
 */
export class SuspectCounter {
    /** Latest minute counted; -1 before the first. */
    head = -1;
    /** Minute-major ring: slot × REASONS + reason. */
    ring = new Uint32Array(SUSPECT_MINUTES * REASONS);
    /** Latest quarter hour counted, and the quarter-major ring. */
    quarterHead = -1;
    quarters = new Uint32Array(SUSPECT_QUARTERS * REASONS);
    /** Counts one report held back for `reason` (an index of SUSPECT_REASONS) at `minute`. */
    add(reason, minute) {
        // Minutes are positive absolute minutes here: a plain remainder is the slot.
        if (minute > this.head)
            this.head = moveHead(this.ring, SUSPECT_MINUTES, this.head, minute);
        if (minute > this.head - SUSPECT_MINUTES)
            this.ring[(minute % SUSPECT_MINUTES) * REASONS + reason] += 1;
        const q = Math.floor(minute / 15);
        if (q > this.quarterHead)
            this.quarterHead = moveHead(this.quarters, SUSPECT_QUARTERS, this.quarterHead, q);
        if (q > this.quarterHead - SUSPECT_QUARTERS)
            this.quarters[(q % SUSPECT_QUARTERS) * REASONS + reason] += 1;
    }
    /**
     * Held-back reports per reason in the hour ending at `minute`, reasons with none left out, most
     * first. Exact from the minute ring when `minute` is at or after the latest count; further back,
     * from the quarter hours that overlap the hour (so up to a quarter hour wider).
     */
    totals(minute) {
        if (this.head < 0)
            return [];
        const sums = new Array(REASONS).fill(0);
        if (minute >= this.head) {
            for (let m = Math.max(minute - SUSPECT_MINUTES + 1, this.head - SUSPECT_MINUTES + 1); m <= this.head; m++) {
                const o = slot(m, SUSPECT_MINUTES) * REASONS;
                for (let r = 0; r < REASONS; r++)
                    sums[r] += this.ring[o + r];
            }
        }
        else {
            const last = Math.floor(minute / 15);
            for (let q = Math.max(Math.floor((minute - SUSPECT_MINUTES + 1) / 15), this.quarterHead - SUSPECT_QUARTERS + 1); q <= last; q++) {
                const o = slot(q, SUSPECT_QUARTERS) * REASONS;
                for (let r = 0; r < REASONS; r++)
                    sums[r] += this.quarters[o + r];
            }
        }
        const out = [];
        for (let r = 0; r < REASONS; r++)
            if (sums[r] > 0)
                out.push({ reason: SUSPECT_REASONS[r], reports: sums[r] });
        return out.sort((a, b) => b.reports - a.reports);
    }
}
//# sourceMappingURL=suspect-counter.js.map