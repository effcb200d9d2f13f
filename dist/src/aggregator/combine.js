import { combineLevel } from "../sources/merge-official.js";
/** Default hook: the status-page rule of src/sources/merge-official.ts. */
export const combineOfficial = (crowd, official) => {
    const combined = combineLevel(crowd, official);
    return { level: combined.level, reason: combined.reason, maintenance: combined.maintenance };
};
/** A hook that ignores the official page: the crowd level stands. */
export const crowdOnly = (crowd) => ({ level: crowd.level, reason: crowd.reason, maintenance: false });
//# sourceMappingURL=combine.js.map