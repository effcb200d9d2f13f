import type { Logger } from "pino";
import type { Aggregator, AggregatorOptions } from "../aggregator/types.js";
import { type Config, configList, tokenCapsFrom } from "../config.js";
import { hashIdentity } from "../intake/identity-hash.js";
import { createExclusionRepo, type ExclusionRepo } from "../store/exclusion-repo.js";
import type { Store } from "../store/index.js";

/** What the exclusion sync reads. */
export interface ExclusionSyncDeps {
  aggregator: Aggregator;
  repo: ExclusionRepo;
  salt: string;
  /** EXCLUDED_GUILDS (raw ids: hashed here) and EXCLUDED_TOKENS from the config. */
  configGuilds: readonly string[];
  configTokens: readonly string[];
  logger: Logger;
}

/** Keeps the aggregator's exclusion set in step with the config lists and the store. */
export interface ExclusionSync {
  /** Reads the store's exclusions and applies them with the config's; logs when the set changed. */
  refresh(): Promise<void>;
}

/**
 * The config's lists are fixed; the store's list is what `outage-bot exclude` edits while the bot
 * runs, so it is re-read on every refresh. Guilds are only ever handled as salted hashes.
 */
export function createExclusionSync(deps: ExclusionSyncDeps): ExclusionSync {
  const fixedOrigins = deps.configGuilds.map((id) => hashIdentity(deps.salt, "origin", id));
  let last = "";
  return {
    async refresh() {
      const stored = await deps.repo.list();
      const origins = [...new Set([...fixedOrigins, ...stored.filter((e) => e.kind === "guild").map((e) => e.key)])];
      const tokens = [
        ...new Set([...deps.configTokens, ...stored.filter((e) => e.kind === "token").map((e) => e.key)]),
      ];
      const key = `${origins.sort().join(",")}|${tokens.sort().join(",")}`;
      if (key === last) return;
      last = key;
      deps.aggregator.setExclusions({ origins, tokens });
      deps.logger.info({ guilds: origins.length, tokens: tokens.length }, "crowd exclusions applied");
    },
  };
}

/** Exclusions kept current while a process runs: stop before the store closes. */
export interface RunningExclusions {
  refresh(): Promise<void>;
  stop(): void;
}

/**
 * The exclusions of a running aggregator, wired once for every process that runs one (the single
 * process, a leading worker): the config's lists and the store's, read now (a failure stops the
 * start) and again every EXCLUSIONS_REFRESH_MS, so `outage-bot exclude` applies without a restart.
 * With `refreshEveryMs: null` they are read once (one-shot CLI commands).
 */
export async function syncExclusions(deps: {
  aggregator: Aggregator;
  store: Pick<Store, "scope">;
  salt: string;
  config: Pick<Config, "EXCLUDED_GUILDS" | "EXCLUDED_TOKENS" | "EXCLUSIONS_REFRESH_MS">;
  logger: Logger;
  refreshEveryMs?: number | null;
}): Promise<RunningExclusions> {
  const { config, logger } = deps;
  const sync = createExclusionSync({
    aggregator: deps.aggregator,
    repo: createExclusionRepo(deps.store.scope("exclude")),
    salt: deps.salt,
    configGuilds: configList(config.EXCLUDED_GUILDS),
    configTokens: configList(config.EXCLUDED_TOKENS),
    logger,
  });
  await sync.refresh();
  const every = deps.refreshEveryMs === undefined ? (config.EXCLUSIONS_REFRESH_MS ?? 5_000) : deps.refreshEveryMs;
  const timer =
    every === null
      ? null
      : setInterval(() => {
          sync.refresh().catch((error: unknown) => logger.warn({ err: error }, "reading exclusions failed"));
        }, every);
  timer?.unref();
  return {
    refresh: () => sync.refresh(),
    stop: () => {
      if (timer) clearInterval(timer);
    },
  };
}

/**
 * The aggregator's crowd options from the config: per-token caps, and suspected raids logged as
 * warnings. Every process that runs an aggregator (the app, a scaled-out worker) passes these.
 */
export function crowdOptions(
  config: Pick<Config, "API_TOKEN_CAPS" | "API_TOKEN_CAP_DEFAULT">,
  logger: Logger,
): AggregatorOptions {
  return {
    tokenCaps: tokenCapsFrom(config.API_TOKEN_CAPS),
    tokenCapPerHour: config.API_TOKEN_CAP_DEFAULT ?? 1_000,
    // Only salted hashes reach the log: the guild can be excluded by its hash without anyone learning its id.
    onSuspicion: (s) =>
      logger.warn(
        {
          service: s.serviceId,
          kind: s.kind,
          guildHash: s.originHash,
          reports: s.reports,
          at: new Date(s.at).toISOString(),
        },
        s.kind === "origin_burst"
          ? "suspected raid: many reports from one server within a minute"
          : "suspected raid: many new accounts at once",
      ),
  };
}
