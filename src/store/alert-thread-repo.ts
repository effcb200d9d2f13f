import { z } from "zod";
import type { AlertThreadRepo } from "../alerts/alert-repos.js";
import { type AlertThread, AlertThreadSchema } from "../alerts/alert-thread.js";
import type { KvScope } from "./kv-scope.js";

const latestKey = (serviceId: string, channelId: string) => `latest:${serviceId}:${channelId}`;
const ACTIVE = "active";
const DEAD = "dead";
/** Finished threads are kept a week, for re-opens and inspection, then expire. */
const DONE_TTL_MS = 7 * 24 * 3_600_000;

/** Alert threads (the delivery records) with active and dead-letter indexes. Given `store.scope("alert")`. */
export function createAlertThreadRepo(kv: KvScope): AlertThreadRepo {
  const get = (id: string) => kv.get(id, AlertThreadSchema);
  const load = async (ids: readonly string[]) =>
    (await kv.getMany(ids, AlertThreadSchema)).filter((t): t is AlertThread => t !== undefined);

  return {
    get,
    async put(thread) {
      const ttl = thread.state === "done" ? DONE_TTL_MS : undefined;
      const member = [{ id: thread.id, score: thread.startedAt }];
      await kv.setMany([
        { key: thread.id, value: thread, ttlMs: ttl },
        { key: latestKey(thread.serviceId, thread.channelId), value: thread.id, ttlMs: ttl },
      ]);
      if (thread.state === "active") await kv.index(ACTIVE).add(member);
      else await kv.index(ACTIVE).remove([thread.id]);
      if (thread.state === "dead") await kv.index(DEAD).add(member);
    },
    async latestFor(serviceId, channelId) {
      const id = await kv.get(latestKey(serviceId, channelId), z.string());
      return id === undefined ? undefined : get(id);
    },
    listActive: async () => load(await kv.index(ACTIVE).members()),
    listDead: async () => load(await kv.index(DEAD).members()),
  };
}
