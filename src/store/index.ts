/** The store's public face: open it, use its repositories, build new ones on a KvScope. */
export type { AggregatorStateChanges, AggregatorStateRepo, SavedAggregatorState } from "./aggregator-state-repo.js";
export type { IndexMember, KvEntry, KvIndex } from "./driver.js";
export { type IncidentRepo, RECENT_INCIDENT_LIMIT, RESOLVED_INCIDENT_TTL_MS } from "./incident-repo.js";
export type { KvScope } from "./kv-scope.js";
export { type MetaRepo, STORE_SCHEMA_VERSION } from "./meta-repo.js";
export { type OpenStoreOptions, openStore, type Store } from "./store.js";
export { STORE_ERROR_KINDS, StoreError, type StoreErrorKind } from "./store-error.js";
export { parseStoreUrl, STORE_BACKENDS, type StoreBackend, type StoreLocation } from "./store-url.js";
