export type { CommandHandlers } from "../../commands/runner.js";
export { parseApiTokens } from "./auth.js";
export type { HealthCheck, HttpSettings } from "./deps.js";
export { sourcesHealthCheck, storeHealthCheck } from "./health.js";
export { createHttpServer, type HttpServer, type HttpServerOptions, startHttpServer } from "./server.js";
