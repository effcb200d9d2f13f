import type { Scenario } from "./model.js";
import { QUIET_WEEK } from "./quiet-week.js";
import { X_OUTAGE } from "./x-outage.js";

/** Names of the built-in scenarios, for `outage-bot replay <scenario>`. */
export const SCENARIOS = ["x-outage", "quiet-week"] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

const BY_NAME: Record<ScenarioName, Scenario> = { "x-outage": X_OUTAGE, "quiet-week": QUIET_WEEK };

/** The built-in scenario of that name, or undefined. */
export function getScenario(name: string): Scenario | undefined {
  return (SCENARIOS as readonly string[]).includes(name) ? BY_NAME[name as ScenarioName] : undefined;
}

export type { ExpectedOutage, Scenario, ServiceModel, Wave } from "./model.js";
export { createMinuteGenerator, seasonality, waveRate } from "./model.js";
export { createPicker, createRandom, poisson, type Random } from "./prng.js";
export { formatTimeline, type ReplayOptions, type ReplayResult, runReplay, type TimelineEntry } from "./replay.js";
