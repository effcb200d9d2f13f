import { z } from "zod";
/** What can be excluded from the crowd signal. */
export const EXCLUSION_KINDS = ["guild", "token"];
/**
 * One exclusion. A guild is kept only as its salted origin hash (never the raw id); a token by
 * its name from API_TOKENS. `note` is the owner's own words, optional.
 */
export const ExclusionSchema = z.object({
    kind: z.enum(EXCLUSION_KINDS),
    key: z.string().min(1).max(200),
    note: z.string().max(200).optional(),
    at: z.number(),
});
const ListSchema = z.array(ExclusionSchema);
const KEY = "list";
/**
 * ExclusionRepo over its key space: one small list under one key. Written only by the CLI (one
 * writer at a time), so a plain read-modify-write is enough.
 */
export function createExclusionRepo(kv) {
    const list = async () => (await kv.get(KEY, ListSchema)) ?? [];
    return {
        list,
        async add(exclusion) {
            const all = await list();
            if (all.some((e) => e.kind === exclusion.kind && e.key === exclusion.key))
                return false;
            await kv.set(KEY, [...all, exclusion]);
            return true;
        },
        async remove(kind, key) {
            const all = await list();
            const rest = all.filter((e) => !(e.kind === kind && e.key === key));
            if (rest.length === all.length)
                return false;
            await kv.set(KEY, rest);
            return true;
        },
    };
}
//# sourceMappingURL=exclusion-repo.js.map