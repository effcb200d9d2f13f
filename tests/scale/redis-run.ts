// Shared by the scale tests: whether Redis runs, a unique key prefix per run, and clean-up.
import { randomBytes } from "node:crypto";
import { pino } from "pino";
import { closeRedis, connectRedis, type RedisClient } from "../../src/scale/redis-connection.js";
import { shouldRunRedisTests } from "../store/redis-available.js";

export const REDIS_URL = "redis://127.0.0.1:6379";
export const silent = pino({ level: "silent" });

/** In CI the Redis tests always run (and fail when Redis is down); elsewhere they run when it answers. */
export const runRedis = await shouldRunRedisTests();

/** A key prefix no other run uses. */
export function uniquePrefix(what: string): string {
  return `outage-scale-test-${what}-${process.pid}-${randomBytes(4).toString("hex")}`;
}

/** A connected client for a test. */
export function testClient(): Promise<RedisClient> {
  return connectRedis({ url: REDIS_URL, logger: silent, timeoutMs: 2_000 });
}

/** Deletes every key starting with `prefix` (store keys `prefix::…` and scale keys `prefix:scale:…`). */
export async function dropPrefix(prefix: string): Promise<void> {
  const client = await testClient();
  try {
    for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) {
      if (keys.length > 0) await client.unlink(keys);
    }
  } finally {
    await closeRedis(client);
  }
}
