/** Official status pages: sources, poller, merge rule, incident events, region mapping. */
export { createAtlassianSource } from "./atlassian-source.js";
export { createBetterStackSource } from "./betterstack-source.js";
export { type CountryResolver, createComponentRegionMapper, type RegionOf } from "./component-regions.js";
export { createFeedSource } from "./feed-source.js";
export { createGoogleCloudSource } from "./google-cloud-source.js";
export { DEFAULT_HTTP_LIMITS } from "./http-get-json.js";
export { createInstatusSource } from "./instatus-source.js";
export { type CombinedVerdict, type CrowdVerdict, combineLevel, OFFICIAL_MAX_AGE_SECONDS } from "./merge-official.js";
export { describeOfficialChanges, diffOfficialIncidents } from "./official-diff.js";
export { type PollCommandResult, pollCommand } from "./poll-command.js";
export { emptyPollRecord, type PollRecord, PollRecordSchema } from "./poll-record.js";
export { applyResult, nextDelay, type PollTiming, toOfficialStatus } from "./poll-state.js";
export {
  createPoller,
  type Poller,
  type PollerLogger,
  type PollerOptions,
  type PollOutcome,
  type PollRecordStore,
  type Scheduler,
} from "./poller.js";
export { createSourceRegistry, type SourceRegistry } from "./registry.js";
export type { FetchFn, HttpLimits, SourceFetchContext, SourceResult, StatusSource } from "./source.js";
export { SOURCE_ERROR_KINDS, type SourceError, type SourceErrorKind } from "./source-error.js";
export { USER_AGENT, userAgent } from "./user-agent.js";
