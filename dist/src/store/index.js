export { RECENT_INCIDENT_LIMIT, RESOLVED_INCIDENT_TTL_MS } from "./incident-repo.js";
export { STORE_SCHEMA_VERSION } from "./meta-repo.js";
export { openStore } from "./store.js";
export { STORE_ERROR_KINDS, StoreError } from "./store-error.js";
export { parseStoreUrl, STORE_BACKENDS } from "./store-url.js";
//# sourceMappingURL=index.js.map