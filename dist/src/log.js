import { pino } from "pino";
/** Field names whose values are secrets wherever they appear (top level or one object down). */
const SECRET_FIELDS = [
    "token",
    "secret",
    "password",
    "salt",
    "authorization",
    "apiToken",
    "DISCORD_TOKEN",
    "REPORTER_SALT",
    "API_TOKENS",
    "DISCORD_PUBLIC_KEY",
    // A redis:// URL may carry a password.
    "STORE_URL",
];
/** pino redact paths covering each secret field at the top level and one or two levels down. */
export const REDACT_PATHS = SECRET_FIELDS.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]);
/**
 * The process logger: JSON lines on stderr (stdout stays clean for `ask --json`), secrets redacted.
 * Tests pass their own destination to read what was logged.
 */
export function createLogger(config, destination) {
    return pino({
        name: "outage-bot",
        level: config.LOG_LEVEL,
        redact: { paths: [...REDACT_PATHS], censor: "[redacted]" },
    }, destination ?? pino.destination({ fd: 2, sync: true }));
}
//# sourceMappingURL=log.js.map