import { QUIET_WEEK } from "./quiet-week.js";
import { X_OUTAGE } from "./x-outage.js";
/** Names of the built-in scenarios, for `outage-bot replay <scenario>`. */
export const SCENARIOS = ["x-outage", "quiet-week"];
const BY_NAME = { "x-outage": X_OUTAGE, "quiet-week": QUIET_WEEK };
/** The built-in scenario of that name, or undefined. */
export function getScenario(name) {
    return SCENARIOS.includes(name) ? BY_NAME[name] : undefined;
}
export { createMinuteGenerator, seasonality, waveRate } from "./model.js";
export { createPicker, createRandom, poisson } from "./prng.js";
export { formatTimeline, runReplay } from "./replay.js";
//# sourceMappingURL=index.js.map