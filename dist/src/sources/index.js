/** Official status pages: sources, poller, merge rule, incident events, region mapping. */
export { createAtlassianSource } from "./atlassian-source.js";
export { createBetterStackSource } from "./betterstack-source.js";
export { createComponentRegionMapper } from "./component-regions.js";
export { createFeedSource } from "./feed-source.js";
export { createGoogleCloudSource } from "./google-cloud-source.js";
export { DEFAULT_HTTP_LIMITS } from "./http-get-json.js";
export { createInstatusSource } from "./instatus-source.js";
export { combineLevel, OFFICIAL_MAX_AGE_SECONDS } from "./merge-official.js";
export { describeOfficialChanges, diffOfficialIncidents } from "./official-diff.js";
export { pollCommand } from "./poll-command.js";
export { emptyPollRecord, PollRecordSchema } from "./poll-record.js";
export { applyResult, nextDelay, toOfficialStatus } from "./poll-state.js";
export { createPoller, } from "./poller.js";
export { createSourceRegistry } from "./registry.js";
export { SOURCE_ERROR_KINDS } from "./source-error.js";
export { USER_AGENT, userAgent } from "./user-agent.js";
//# sourceMappingURL=index.js.map