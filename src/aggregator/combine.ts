import type { Level } from "../domain/levels.js";
import type { OfficialStatus } from "../domain/official.js";
import { combineLevel } from "../sources/merge-official.js";
import type { CrowdVerdict } from "./verdict.js";

/** The level and reason a status report shows once the official page is taken into account. */
export interface CombinedLevel {
  level: Level;
  reason: string;
  maintenance: boolean;
}

/**
 * THE hook where the vendor's official status is combined into the crowd level. The default is
 * `combineLevel` from src/sources/merge-official.ts; with no official status the crowd level stands.
 */
export type CombineLevel = (crowd: CrowdVerdict, official: OfficialStatus | null) => CombinedLevel;

/** Default hook: the status-page rule of src/sources/merge-official.ts. */
export const combineOfficial: CombineLevel = (crowd, official) => {
  const combined = combineLevel(crowd, official);
  return { level: combined.level, reason: combined.reason, maintenance: combined.maintenance };
};

/** A hook that ignores the official page: the crowd level stands. */
export const crowdOnly: CombineLevel = (crowd) => ({ level: crowd.level, reason: crowd.reason, maintenance: false });
