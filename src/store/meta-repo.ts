import { z } from "zod";
import type { KvScope } from "./kv-scope.js";

/** The layout version of the data this code writes; a store with a higher one is refused. */
export const STORE_SCHEMA_VERSION = 1;

/** Facts about the store itself and the deployment: layout version, reporter salt, registered commands. */
export interface MetaRepo {
  schemaVersion(): Promise<number | undefined>;
  setSchemaVersion(version: number): Promise<void>;
  /** The stored reporter salt; on first use `generate()` makes one, which is stored and returned from then on. */
  reporterSalt(generate: () => string): Promise<string>;
  /** Hash of the slash command definitions last registered with Discord. */
  commandHash(): Promise<string | undefined>;
  setCommandHash(hash: string): Promise<void>;
}

/** MetaRepo over its key space. */
export function createMetaRepo(kv: KvScope): MetaRepo {
  return {
    schemaVersion: () => kv.get("schema", z.int().positive()),
    setSchemaVersion: (version) => kv.set("schema", version),
    reporterSalt: async (generate) => {
      const stored = await kv.get("salt", z.string().min(16));
      if (stored !== undefined) return stored;
      await kv.set("salt", generate());
      // Read back: when two processes start at once, both then use whichever write landed last.
      const kept = await kv.get("salt", z.string().min(16));
      if (kept === undefined) throw new Error("reporter salt vanished right after it was written");
      return kept;
    },
    commandHash: () => kv.get("commands", z.string()),
    setCommandHash: (hash) => kv.set("commands", hash),
  };
}
