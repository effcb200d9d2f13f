export { parseApiTokens } from "./auth.js";
export { sourcesHealthCheck, storeHealthCheck } from "./health.js";
export { createHttpServer, startHttpServer } from "./server.js";
//# sourceMappingURL=index.js.map