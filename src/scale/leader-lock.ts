import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import type { Logger } from "pino";
import type { RedisClient } from "./redis-connection.js";

// Renew and release only while the key still holds our token: after an expiry another process
// may own it, and it must not be extended or deleted by the one that lost it.
const RENEW = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;

/** Why a held lock was lost. */
export type LockLostReason = "taken" | "expired";

/** Options of createLeaderLock. */
export interface LeaderLockOptions {
  client: RedisClient;
  key: string;
  /** Lease length (default 10 s): another process takes over at most this long after the holder dies. */
  ttlMs?: number;
  logger: Logger;
  /** Called once when a held lock is lost; the holder must stop its duties at once. */
  onLost?: (reason: LockLostReason) => void;
  /** A monotonic clock in ms (performance.now by default), for the local lease deadline. */
  clock?: () => number;
  /** This holder's token (random by default); tests name them. */
  token?: string;
}

/** A Redis lease: SET NX PX to take it, compare-and-PEXPIRE every ttl/3 to keep it, compare-and-DEL to give it back. */
export interface LeaderLock {
  readonly token: string;
  readonly ttlMs: number;
  /** Takes the lock if free; on success starts renewing it. */
  tryAcquire(): Promise<boolean>;
  /**
   * True while our lease is certainly ours: the last successful renewal (measured from before it
   * was sent) plus the TTL, minus a margin for clock drift, has not passed.
   */
  held(): boolean;
  /** Stops renewing and deletes the key if it is still ours. */
  release(): Promise<void>;
}

/** A leader lock on `key`. */
export function createLeaderLock(options: LeaderLockOptions): LeaderLock {
  const { client, key, logger } = options;
  const ttlMs = options.ttlMs ?? 10_000;
  const clock = options.clock ?? (() => performance.now());
  const token = options.token ?? randomBytes(16).toString("hex");
  // Redis expiry and our timer may drift apart a little; stop believing in the lease a bit early.
  const margin = Math.max(10, Math.floor(ttlMs * 0.05));
  let validUntil = 0;
  let holding = false;
  let timer: NodeJS.Timeout | undefined;

  const lose = (reason: LockLostReason) => {
    if (!holding) return;
    holding = false;
    clearInterval(timer);
    timer = undefined;
    logger.warn({ key, reason }, "leader lock lost");
    try {
      options.onLost?.(reason);
    } catch (error) {
      // Runs from a timer: a throw here would be an unhandled rejection and end the process.
      logger.error({ err: error, key }, "leader lock onLost handler failed");
    }
  };

  let renewing = false;
  const renew = async () => {
    if (!holding) return;
    // A renewal still unanswered when the lease runs out: the lease is gone whatever Redis says later.
    if (renewing) {
      if (clock() >= validUntil) lose("expired");
      return;
    }
    renewing = true;
    const sentAt = clock();
    try {
      const ok = await client.eval(RENEW, { keys: [key], arguments: [token, String(ttlMs)] });
      if (!holding) return;
      if (Number(ok) === 1) validUntil = sentAt + ttlMs - margin;
      else lose("taken");
    } catch (error) {
      logger.warn({ err: error, key }, "leader lock renewal failed; retrying");
      if (clock() >= validUntil) lose("expired");
    } finally {
      renewing = false;
    }
  };

  return {
    token,
    ttlMs,
    async tryAcquire() {
      if (holding) return true;
      const sentAt = clock();
      const ok = await client.set(key, token, { condition: "NX", expiration: { type: "PX", value: ttlMs } });
      if (ok !== "OK") return false;
      holding = true;
      validUntil = sentAt + ttlMs - margin;
      timer = setInterval(() => void renew(), Math.max(1, Math.floor(ttlMs / 3)));
      timer.unref();
      return true;
    },
    held: () => holding && clock() < validUntil,
    async release() {
      const was = holding;
      holding = false;
      clearInterval(timer);
      timer = undefined;
      if (!was) return;
      try {
        await client.eval(RELEASE, { keys: [key], arguments: [token] });
      } catch (error) {
        // It expires by itself within the TTL.
        logger.warn({ err: error, key }, "leader lock release failed");
      }
    },
  };
}
