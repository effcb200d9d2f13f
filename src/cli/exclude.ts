import { parseArgs } from "node:util";
import type { DestinationStream } from "pino";
import { openSaltedStore } from "../app/open-salted-store.js";
import { configList, loadConfig } from "../config.js";
import { hashIdentity } from "../intake/identity-hash.js";
import { createLogger } from "../log.js";
import { createExclusionRepo, type Exclusion, type ExclusionKind } from "../store/exclusion-repo.js";
import type { Store } from "../store/index.js";
import type { CliIo } from "./io.js";
import { UsageError } from "./io.js";

const HASH_PATTERN = /^[A-Za-z0-9_-]{22}$/;
const TOKEN_NAME_PATTERN = /^[A-Za-z0-9_.-]{1,40}$/;
const GUILD_ID_PATTERN = /^[^\s,]{1,200}$/;

const HOW = "exclude guild <id> | exclude guild --hash <hash> | exclude token <name> | exclude list | include …";

/** The store and the identity salt, exactly as the app gets them (REPORTER_SALT, else the store's). */
async function openSalted(io: CliIo): Promise<{ store: Store; salt: string; guilds: number; tokens: number }> {
  const config = loadConfig(io.env);
  const logger = createLogger(config, io.stderr === process.stderr ? undefined : (io.stderr as DestinationStream));
  const { store, salt } = await openSaltedStore(config, logger);
  return {
    store,
    salt,
    guilds: configList(config.EXCLUDED_GUILDS).length,
    tokens: configList(config.EXCLUDED_TOKENS).length,
  };
}

/** The stored key of a guild or token named on the command line; guild ids become salted hashes here. */
function keyOf(kind: ExclusionKind, positional: string | undefined, hash: string | undefined, salt: string): string {
  if (kind === "token") {
    if (positional === undefined || !TOKEN_NAME_PATTERN.test(positional)) {
      throw new UsageError("give the API token's name (as in API_TOKENS), e.g. exclude token partner");
    }
    return positional;
  }
  if (hash !== undefined) {
    if (positional !== undefined || !HASH_PATTERN.test(hash)) {
      throw new UsageError("--hash takes the 22-character guildHash of a suspected-raid log line, and no id");
    }
    return hash;
  }
  if (positional === undefined || !GUILD_ID_PATTERN.test(positional)) {
    throw new UsageError("give the Discord server (guild) id, e.g. exclude guild 123456789012345678");
  }
  return hashIdentity(salt, "origin", positional);
}

function describe(e: Exclusion): string {
  const note = e.note ? ` (${e.note})` : "";
  return `${e.kind} ${e.key}: excluded ${new Date(e.at).toISOString()}${note}`;
}

/**
 * `outage-bot exclude guild <id> | token <name> | list` and `outage-bot include guild <id> | token <name>`:
 * edits the exclusions kept in the store. A running bot re-reads them every EXCLUSIONS_REFRESH_MS
 * (5 s), so no restart is needed. Guild ids are stored only as their salted hash.
 */
async function run(action: "exclude" | "include", args: string[], io: CliIo): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { hash: { type: "string" }, note: { type: "string" } },
  });
  const [what, name, ...extra] = positionals;
  if (extra.length > 0) throw new UsageError(`too many arguments; ${HOW}`);
  if (what === "list" && action === "exclude") {
    const opened = await openSalted(io);
    try {
      const all = await createExclusionRepo(opened.store.scope("exclude")).list();
      const lines = all.map(describe);
      if (lines.length === 0) lines.push("Nothing excluded in the store.");
      if (opened.guilds + opened.tokens > 0) {
        lines.push(
          `Also from the config: ${opened.guilds} guild(s) in EXCLUDED_GUILDS, ${opened.tokens} token(s) in EXCLUDED_TOKENS.`,
        );
      }
      io.stdout.write(`${lines.join("\n")}\n`);
      return 0;
    } finally {
      await opened.store.close();
    }
  }
  if (what !== "guild" && what !== "token") throw new UsageError(`${action} what? ${HOW}`);
  if (values.note !== undefined && values.note.length > 200) throw new UsageError("--note is at most 200 characters");
  const opened = await openSalted(io);
  try {
    const repo = createExclusionRepo(opened.store.scope("exclude"));
    const key = keyOf(what, name, values.hash, opened.salt);
    if (action === "exclude") {
      const entry: Exclusion = { kind: what, key, at: io.now() };
      if (values.note !== undefined) entry.note = values.note;
      const added = await repo.add(entry);
      io.stdout.write(
        added
          ? `Excluded ${what} ${key} from the crowd signal; a running bot applies it within seconds.\n`
          : `${what} ${key} was already excluded.\n`,
      );
      return 0;
    }
    const removed = await repo.remove(what, key);
    io.stdout.write(
      removed
        ? `${what} ${key} counts again; a running bot applies it within seconds.\n`
        : `${what} ${key} was not excluded in the store (entries in EXCLUDED_GUILDS / EXCLUDED_TOKENS stay until the config changes).\n`,
    );
    return 0;
  } finally {
    await opened.store.close();
  }
}

/** `outage-bot exclude …`. */
export const exclude = (args: string[], io: CliIo) => run("exclude", args, io);
/** `outage-bot include …`: undoes an exclusion. */
export const include = (args: string[], io: CliIo) => run("include", args, io);
