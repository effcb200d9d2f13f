import { HOUR_MS, MINUTE_MS } from "../time.js";
import { DEV_PROBLEMS, GLOBAL_REGIONS, SOCIAL_PROBLEMS, X_OUTAGE_PROBLEMS, X_OUTAGE_REGIONS } from "./mixes.js";
/** Monday 10 March 2025, 00:00 UTC: the day X went down in waves. */
const DAY = Date.UTC(2025, 2, 10);
const t = (hh, mm) => DAY + hh * HOUR_MS + mm * MINUTE_MS;
/**
 * X's global outage, modelled on 10 March 2025: a first wave mid-morning UTC, then a large
 * afternoon wave followed within minutes by a third, so two incidents in all. Tens of thousands of
 * reports; more than 8,000 from GB in the hour of the peak. Discord, GitHub and YouTube carry on as
 * normal beside it. Seven days of normal history come first.
 */
export const X_OUTAGE = {
    name: "x-outage",
    description: "X's global outage of 10 March 2025: three waves over a day, two incidents",
    seed: 20250310,
    warmupDays: 7,
    start: DAY,
    end: DAY + 24 * HOUR_MS,
    services: [
        {
            serviceId: "x",
            basePerMinute: 1,
            regions: GLOBAL_REGIONS,
            problems: SOCIAL_PROBLEMS,
            outageRegions: X_OUTAGE_REGIONS,
            outageProblems: X_OUTAGE_PROBLEMS,
            waves: [
                { start: t(9, 45), peakAt: t(10, 5), end: t(10, 50), peakPerMinute: 350 },
                { start: t(13, 25), peakAt: t(14, 0), end: t(14, 40), peakPerMinute: 1150 },
                { start: t(14, 50), peakAt: t(15, 20), end: t(16, 30), peakPerMinute: 600, startShare: 0.2 },
            ],
        },
        { serviceId: "discord", basePerMinute: 0.3, regions: GLOBAL_REGIONS, problems: SOCIAL_PROBLEMS },
        { serviceId: "github", basePerMinute: 0.12, regions: GLOBAL_REGIONS, problems: DEV_PROBLEMS },
        { serviceId: "youtube", basePerMinute: 0.5, regions: GLOBAL_REGIONS, problems: SOCIAL_PROBLEMS },
    ],
    expected: [
        { serviceId: "x", start: t(9, 45), end: t(10, 50), label: "morning wave" },
        { serviceId: "x", start: t(13, 25), end: t(16, 30), label: "afternoon waves (two, one incident)" },
    ],
};
//# sourceMappingURL=x-outage.js.map