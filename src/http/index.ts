export { parseApiTokens } from "./auth.js";
export type { CommandHandlers, HealthCheck, HttpSettings } from "./deps.js";
export { sourcesHealthCheck, storeHealthCheck } from "./health.js";
export { createHttpServer, type HttpServer, type HttpServerOptions, startHttpServer } from "./server.js";
