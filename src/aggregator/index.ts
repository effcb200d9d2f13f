/** The crowd-report aggregator: counts → baseline → level → incidents, and the status board read model over it. */
export { createAggregator, restoreAggregator } from "./aggregator.js";
export { computeBaseline } from "./baseline.js";
export { type CombinedLevel, type CombineLevel, combineOfficial, crowdOnly } from "./combine.js";
export type { CrowdSuspicion, TokenCaps } from "./crowd-weight.js";
export { incidentId } from "./incident-tracker.js";
export * from "./level-rules.js";
export {
  type AggregatorSnapshot,
  AggregatorSnapshotSchema,
  type ServiceSnapshot,
  ServiceSnapshotSchema,
  SNAPSHOT_VERSION,
} from "./snapshot.js";
export { buildStatusReport, createStatusBoard, type StatusBoardDeps } from "./status-board.js";
export type {
  Aggregator,
  AggregatorOptions,
  AggregatorStats,
  Exclusions,
  IncidentQuery,
  IngestCounters,
} from "./types.js";
export type { CrowdVerdict } from "./verdict.js";
