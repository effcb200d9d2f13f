import { z } from "zod";
/** The layout version of the data this code writes; a store with a higher one is refused. */
export const STORE_SCHEMA_VERSION = 1;
/** MetaRepo over its key space. */
export function createMetaRepo(kv) {
    return {
        schemaVersion: () => kv.get("schema", z.int().positive()),
        setSchemaVersion: (version) => kv.set("schema", version),
        reporterSalt: async (generate) => {
            const stored = await kv.get("salt", z.string().min(16));
            if (stored !== undefined)
                return stored;
            await kv.set("salt", generate());
            // Read back: when two processes start at once, both then use whichever write landed last.
            const kept = await kv.get("salt", z.string().min(16));
            if (kept === undefined)
                throw new Error("reporter salt vanished right after it was written");
            return kept;
        },
        commandHash: () => kv.get("commands", z.string()),
        setCommandHash: (hash) => kv.set("commands", hash),
    };
}
//# sourceMappingURL=meta-repo.js.map