/** Intake: crowd reports from every source checked, resolved against the catalog, hashed and handed to the aggregator. */
export { createIdentityHasher, hashIdentity, type IdentityHasher, type IdentityKind } from "./identity-hash.js";
export { tooLate } from "./lateness.js";
export {
  type ParseContext,
  type ParsedLine,
  parseReportInput,
  parseReportLines,
  type SubmitSummary,
  submitParsed,
} from "./parse-input.js";
export { createReportBuilder, createReportIntake, type ReportBuilder, type ReportIntakeDeps } from "./report-intake.js";
