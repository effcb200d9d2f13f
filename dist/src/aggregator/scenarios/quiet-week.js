import { HOUR_MS } from "../time.js";
import { DEV_PROBLEMS, GLOBAL_REGIONS, SOCIAL_PROBLEMS } from "./mixes.js";
/** Monday 3 March 2025, 00:00 UTC. */
const WEEK = Date.UTC(2025, 2, 3);
/**
 * A normal week for services from busy to nearly silent, with daily (4:1 evening to night) and
 * weekend seasonality and Poisson noise, after a week of history. Nothing is down: no incident
 * may open.
 */
export const QUIET_WEEK = {
    name: "quiet-week",
    description: "a normal week of background reports for four services: no incident",
    seed: 20250303,
    warmupDays: 7,
    start: WEEK,
    end: WEEK + 7 * 24 * HOUR_MS,
    services: [
        { serviceId: "x", basePerMinute: 1, regions: GLOBAL_REGIONS, problems: SOCIAL_PROBLEMS },
        { serviceId: "discord", basePerMinute: 0.3, regions: GLOBAL_REGIONS, problems: SOCIAL_PROBLEMS },
        { serviceId: "github", basePerMinute: 0.1, regions: GLOBAL_REGIONS, problems: DEV_PROBLEMS },
        { serviceId: "tiny-forum", basePerMinute: 0.01, regions: GLOBAL_REGIONS, problems: DEV_PROBLEMS },
    ],
    expected: [],
};
//# sourceMappingURL=quiet-week.js.map