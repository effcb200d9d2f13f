/** The crowd-report aggregator: counts → baseline → level → incidents, plus its intake and status board. */
export { createAggregator, restoreAggregator } from "./aggregator.js";
export { computeBaseline } from "./baseline.js";
export { combineOfficial, crowdOnly } from "./combine.js";
export { createIdentityHasher, hashIdentity } from "./hash.js";
export { incidentId } from "./incident-tracker.js";
export { createReportIntake, toCrowdReport } from "./intake.js";
export * from "./level-rules.js";
export { parseReportInput, parseReportLines, submitParsed, } from "./parse-input.js";
export { AggregatorSnapshotSchema, ServiceSnapshotSchema, SNAPSHOT_VERSION, } from "./snapshot.js";
export { buildStatusReport, createStatusBoard } from "./status-board.js";
//# sourceMappingURL=index.js.map