import { z } from "zod";
import { isCidr } from "./sources/address-rules.js";

/** Log levels pino understands, quietest last. */
export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const STORE_URL_PATTERN = /^(sqlite:\/\/.+|rediss?:\/\/.+|memory:\/\/.*)$/;
const SNOWFLAKE_PATTERN = /^\d{17,20}$/;

/** A whole number given as text, within bounds, with one message for every way it can be wrong. */
const wholeNumber = (min: number, max: number, expected: string) =>
  z.coerce
    .number({ error: `expected ${expected}` })
    .int({ error: `expected ${expected}` })
    .min(min, { error: `expected ${expected}` })
    .max(max, { error: `expected ${expected}` });

/** Milliseconds given as text, within bounds. */
const millis = (min: number, max: number) =>
  wholeNumber(min, max, `a whole number of milliseconds from ${min} to ${max}`);

/**
 * Every environment variable outage-bot reads, in one flat schema keyed by the variable's name.
 * Mirrored, with a comment per variable, in `.env.example`. Add new variables to the right group.
 */
export const ConfigSchema = z.object({
  // --- Store ---
  STORE_URL: z
    .string()
    .regex(STORE_URL_PATTERN, { error: "expected sqlite://path, redis://host:port or memory://" })
    .default("sqlite://./data/outage.sqlite"),
  /** Prefix of every key, so several deployments (or test runs) can share one Redis. */
  STORE_NAMESPACE: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/, { error: "expected 1 to 64 letters, digits, dots, dashes or underscores" })
    .default("outage"),
  /** How long one store call may take before it fails (a Redis that is down makes calls hang). */
  STORE_TIMEOUT_MS: millis(50, 120_000).default(5_000),
  /** How often the aggregator's changed state is written to the store. */
  SAVE_INTERVAL_MS: millis(100, 600_000).default(5_000),
  /** How long a stop (SIGTERM, SIGINT) may take; whatever still runs then is cut and logged. */
  SHUTDOWN_TIMEOUT_MS: millis(100, 600_000).default(10_000),

  // --- Catalog ---
  CATALOG_FILE: z.string().min(1).optional(),

  // --- Status pages ---
  /** Whether `start` polls the official status pages on their schedule (`poll` always can). */
  POLL_STATUS_PAGES: z.stringbool({ error: "expected true or false" }).default(true),
  /** A URL or e-mail address put in the poller's User-Agent, so a status page's owner can reach you. */
  STATUS_POLL_CONTACT: z.string().trim().min(3).max(200).optional(),
  /**
   * Status pages on loopback, private, link-local, CGNAT, unique-local or cloud metadata addresses
   * are refused unless allowed here: `true` (all of them; tests, self-hosted pages) or CIDR ranges.
   */
  STATUS_PAGES_ALLOW_PRIVATE: z
    .string()
    .refine((value) => /^(true|false)$/i.test(value) || value.split(",").every(isCidr), {
      error: "expected true, false or CIDR ranges separated by commas, e.g. 10.0.0.0/8,fd00::/8",
    })
    .default("false"),

  // --- Crowd reports ---
  /** Secret: salt for reporter hashes. Generated once and kept in the store when unset. */
  REPORTER_SALT: z.string().min(16, { error: "expected a secret of at least 16 characters" }).optional(),
  /** Discord guild ids (or API origin ids) left out of the crowd signal, comma-separated; `outage-bot exclude` adds more at run time. */
  EXCLUDED_GUILDS: z
    .string()
    .regex(/^[^,\s]{1,200}(\s*,\s*[^,\s]{1,200})*$/, { error: "expected guild ids separated by commas" })
    .optional(),
  /** API token names left out of the crowd signal, comma-separated. */
  EXCLUDED_TOKENS: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,40}(\s*,\s*[A-Za-z0-9_.-]{1,40})*$/, {
      error: "expected API token names separated by commas",
    })
    .optional(),
  /** Weighted reports one API token may add to one service per hour, per token: `name:1000,other:50`. */
  API_TOKEN_CAPS: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,40}:\d{1,9}(\s*,\s*[A-Za-z0-9_.-]{1,40}:\d{1,9})*$/, {
      error: "expected name:reports pairs separated by commas, e.g. partner:1000,bridge:50",
    })
    .optional(),
  /** The per-hour cap of API tokens not named in API_TOKEN_CAPS. */
  API_TOKEN_CAP_DEFAULT: wholeNumber(0, 1_000_000_000, "a whole number of reports per hour").default(1_000),
  /** How often a running process re-reads the exclusions `outage-bot exclude` keeps in the store. */
  EXCLUSIONS_REFRESH_MS: millis(500, 600_000).default(5_000),

  // --- Discord ---
  /** Secret: the bot token. Without it `start` runs the terminal console. */
  DISCORD_TOKEN: z.string().min(1).optional(),
  DISCORD_APP_ID: z
    .string()
    .regex(SNOWFLAKE_PATTERN, { error: "expected a Discord application id (digits)" })
    .optional(),
  /** REST base URL, for tests against an emulator or a proxy. */
  DISCORD_API_URL: z.url({ protocol: /^https?$/, error: "expected an http(s) URL" }).optional(),
  /**
   * Memory the drawn charts may take, in MiB: one chart per service and data minute is drawn once
   * and answers every ask and alert of that minute (~30-45 KB each).
   */
  CHART_CACHE_MB: wholeNumber(1, 4_096, "a whole number of MiB from 1 to 4096").default(64),

  // --- HTTP ---
  HTTP_PORT: wholeNumber(0, 65_535, "a port number from 0 to 65535").optional(),
  /** Address the HTTP server binds; 127.0.0.1 keeps it local behind a reverse proxy. */
  HTTP_HOST: z
    .string()
    .regex(/^[0-9A-Za-z.:[\]-]{1,100}$/, { error: "expected an IP address or host name" })
    .default("0.0.0.0"),
  /** Secret: bearer tokens for `POST /api/reports`, `name:token,name2:token2`; the name shows in logs. */
  API_TOKENS: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,40}:[^,\s]{16,}(,[A-Za-z0-9_.-]{1,40}:[^,\s]{16,})*$/, {
      error: "expected name:token pairs separated by commas, each token at least 16 characters",
    })
    .optional(),
  /** Crowd reports one API token may post per minute (bursts up to a minute's worth); 0 turns it off. */
  API_RATE_LIMIT_PER_MIN: wholeNumber(0, 100_000_000, "a whole number of reports per minute, 0 for no limit").default(
    60_000,
  ),
  /** Largest request body the HTTP server reads, in bytes. */
  HTTP_BODY_LIMIT_BYTES: wholeNumber(1_024, 67_108_864, "a number of bytes from 1024 to 67108864").default(1_048_576),
  /** Most crowd reports one `POST /api/reports` may carry. */
  HTTP_MAX_REPORTS_PER_REQUEST: wholeNumber(1, 100_000, "a whole number from 1 to 100000").default(5_000),
  /** `Cache-Control: max-age` of the status API and page, in seconds. */
  HTTP_CACHE_MAX_AGE_S: wholeNumber(0, 3_600, "a number of seconds from 0 to 3600").default(15),
  /** The application's public key (64 hex digits) that turns on `POST /interactions`. */
  DISCORD_PUBLIC_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, { error: "expected the 64 hex digits of the Discord public key" })
    .optional(),
  /** Interactions whose signed timestamp is further than this from now are refused; 0 turns the check off. */
  DISCORD_MAX_CLOCK_SKEW_S: wholeNumber(0, 86_400, "a number of seconds from 0 to 86400, 0 for off").default(300),

  // --- Scaling (STORE_URL=redis://…, `outage-bot start --role gateway|worker`; see docs/SCALING.md) ---
  /**
   * Shards of a gateway process: `auto` (Discord's recommendation) or a count, each run as its own
   * process by discord.js's ShardingManager. Not `SHARDS`: discord.js reads that name itself.
   */
  DISCORD_SHARDS: z
    .string()
    .regex(/^(auto|[1-9]\d{0,4})$/, { error: "expected auto or a number of shards (1 or more)" })
    .optional(),
  /** Lease of the worker leader lock: another worker takes over at most this long after the leader dies. */
  LEADER_LOCK_TTL_MS: millis(1_000, 120_000).default(10_000),
  /** Cap of the Redis stream of crowd reports (a safety net while no worker consumes it). */
  REPORT_STREAM_MAX_LEN: wholeNumber(10_000, 100_000_000, "a whole number from 10000 to 100000000").default(1_000_000),
  /** How long a gateway reuses a status read from Redis, in milliseconds. */
  BOARD_CACHE_MS: millis(0, 60_000).default(1_000),

  // --- Logging ---
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `expected one of ${LOG_LEVELS.join(", ")}` }).default("info"),
  /** Where the console (`start` at a terminal) writes its logs, so they stay off the prompt. */
  CONSOLE_LOG_FILE: z.string().min(1).default("./data/console.log"),
});

/** A comma-separated config list as its items (empty when unset). */
export function configList(raw: string | undefined): string[] {
  return (raw ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

/** API_TOKEN_CAPS as a record of token name → reports per hour. */
export function tokenCapsFrom(raw: string | undefined): Record<string, number> {
  const caps: Record<string, number> = {};
  for (const item of configList(raw)) {
    const at = item.lastIndexOf(":");
    caps[item.slice(0, at)] = Number(item.slice(at + 1));
  }
  return caps;
}

/** outage-bot's validated configuration. */
export type Config = z.infer<typeof ConfigSchema>;

/** One wrong environment variable and what it should have been. */
export interface ConfigProblem {
  variable: string;
  expected: string;
}

/** A wrong environment variable; the message names each one and what is expected. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.expected}`).join("\n")}`);
  }
}

/** Parses the environment into a Config; empty values count as unset. Throws ConfigError. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const input: Record<string, string> = {};
  for (const key of Object.keys(ConfigSchema.shape)) {
    const value = env[key]?.trim();
    if (value !== undefined && value !== "") input[key] = value;
  }
  const parsed = ConfigSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => ({
    variable: String(issue.path[0] ?? "?"),
    expected: issue.message,
  }));
  throw new ConfigError(problems);
}
