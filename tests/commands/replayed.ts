// A real board: the built-in catalog and the aggregator after replaying the X outage scenario.
import type { CommandContext } from "../../commands/context.js";
import { createStatusBoard } from "../../src/aggregator/index.js";
import { runReplay } from "../../src/aggregator/scenarios/index.js";
import { createCatalog } from "../../src/catalog/catalog.js";
import { createRegionDirectory } from "../../src/catalog/regions.js";
import { builtInServices } from "../../src/catalog/services-data.js";
import { createReportIntake } from "../../src/intake/index.js";

/** 10 March 2025, 14:00 UTC: the peak of X's afternoon wave in the scenario. */
export const X_PEAK = Date.UTC(2025, 2, 10, 14, 0);

/** A command context over the replayed X outage, asked at `at` (default: the afternoon peak). */
export function replayedContext(at = X_PEAK): CommandContext & { logged: unknown[]; setNow(t: number): void } {
  const catalog = createCatalog(builtInServices);
  const regions = createRegionDirectory();
  const { aggregator } = runReplay("x-outage");
  let now = at;
  const logged: unknown[] = [];
  return {
    catalog,
    regions,
    board: createStatusBoard({ catalog, regions, aggregator }),
    intake: createReportIntake({ catalog, regions, aggregator, salt: "test-salt", now: () => now }),
    now: () => now,
    setNow: (t) => {
      now = t;
    },
    log: { warn: (obj) => logged.push(obj), error: (obj) => logged.push(obj) },
    logged,
  };
}
