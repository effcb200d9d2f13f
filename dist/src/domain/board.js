import { WINDOW_IDS } from "./windows.js";
/** Region breakdown windows offered by `/outage regions`. */
export const REGION_WINDOWS = WINDOW_IDS;
//# sourceMappingURL=board.js.map