import { z } from "zod";
import type { KvScope } from "./kv-scope.js";

/** What can be excluded from the crowd signal. */
export const EXCLUSION_KINDS = ["guild", "token"] as const;
export type ExclusionKind = (typeof EXCLUSION_KINDS)[number];

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
export type Exclusion = z.infer<typeof ExclusionSchema>;

const ListSchema = z.array(ExclusionSchema);
const KEY = "list";

/** The owner's exclusions, read by the running bot every few seconds. Given `store.scope("exclude")`. */
export interface ExclusionRepo {
  list(): Promise<Exclusion[]>;
  /** Adds one; false when that kind and key were already excluded. */
  add(exclusion: Exclusion): Promise<boolean>;
  /** Removes one; false when it was not excluded. */
  remove(kind: ExclusionKind, key: string): Promise<boolean>;
}

/**
 * ExclusionRepo over its key space: one small list under one key. Written only by the CLI (one
 * writer at a time), so a plain read-modify-write is enough.
 */
export function createExclusionRepo(kv: KvScope): ExclusionRepo {
  const list = async () => (await kv.get(KEY, ListSchema)) ?? [];
  return {
    list,
    async add(exclusion) {
      const all = await list();
      if (all.some((e) => e.kind === exclusion.kind && e.key === exclusion.key)) return false;
      await kv.set(KEY, [...all, exclusion]);
      return true;
    },
    async remove(kind, key) {
      const all = await list();
      const rest = all.filter((e) => !(e.kind === kind && e.key === key));
      if (rest.length === all.length) return false;
      await kv.set(KEY, rest);
      return true;
    },
  };
}
