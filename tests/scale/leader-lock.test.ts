import { afterAll, describe, expect, it, vi } from "vitest";
import { createLeaderLock, type LockLostReason } from "../../src/scale/leader-lock.js";
import { closeRedis } from "../../src/scale/redis-connection.js";
import { dropPrefix, runRedis, silent, testClient, uniquePrefix } from "./redis-run.js";

const prefix = uniquePrefix("lock");

describe.runIf(runRedis)("leader lock on Redis", () => {
  afterAll(() => dropPrefix(prefix));

  it("lets exactly one of two contenders win", async () => {
    const [a, b] = [await testClient(), await testClient()];
    const key = `${prefix}:one`;
    const la = createLeaderLock({ client: a, key, ttlMs: 1_000, logger: silent, token: "a" });
    const lb = createLeaderLock({ client: b, key, ttlMs: 1_000, logger: silent, token: "b" });
    const results = await Promise.all([la.tryAcquire(), lb.tryAcquire()]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await a.get(key)).toBe(results[0] ? "a" : "b");
    await la.release();
    await lb.release();
    await closeRedis(a);
    await closeRedis(b);
  });

  it("keeps the lock past its TTL while the holder renews it", async () => {
    const [a, b] = [await testClient(), await testClient()];
    const key = `${prefix}:renew`;
    const la = createLeaderLock({ client: a, key, ttlMs: 300, logger: silent });
    const lb = createLeaderLock({ client: b, key, ttlMs: 300, logger: silent });
    expect(await la.tryAcquire()).toBe(true);
    // Three renewals seen in Redis (the lease's remaining time going back up) outlast three TTLs.
    let renewals = 0;
    let last = await b.pTTL(key);
    await vi.waitFor(
      async () => {
        const left = await b.pTTL(key);
        if (left > last) renewals++;
        last = left;
        expect(la.held()).toBe(true);
        expect(renewals).toBeGreaterThanOrEqual(3);
      },
      { timeout: 15_000, interval: 20 },
    );
    expect(la.held()).toBe(true);
    expect(await lb.tryAcquire()).toBe(false);
    await la.release();
    expect(await lb.tryAcquire()).toBe(true);
    await lb.release();
    await closeRedis(a);
    await closeRedis(b);
  });

  it("passes to the other contender within the TTL when the holder dies without releasing", async () => {
    const [a, b] = [await testClient(), await testClient()];
    const key = `${prefix}:death`;
    const ttlMs = 600;
    const lost: LockLostReason[] = [];
    const la = createLeaderLock({ client: a, key, ttlMs, logger: silent, onLost: (r) => lost.push(r) });
    const lb = createLeaderLock({ client: b, key, ttlMs, logger: silent });
    expect(await la.tryAcquire()).toBe(true);
    // The holder's connection dies: renewals fail, nothing releases the key.
    a.destroy();
    // Redis itself expires the lease: what is left of it is at most one TTL.
    expect(await b.pTTL(key)).toBeLessThanOrEqual(ttlMs);
    // Taken over once the lease ran out: polled, as Redis expires it in its own time.
    await vi.waitFor(async () => expect(await lb.tryAcquire()).toBe(true), { timeout: 15_000, interval: ttlMs / 10 });
    // The dead holder's own deadline passes too, and it says so once.
    await vi.waitFor(() => expect(lost).toEqual(["expired"]), { timeout: 15_000, interval: 20 });
    expect(la.held()).toBe(false);
    await lb.release();
    await closeRedis(b);
  });

  it("notices at its next renewal that another process owns the key, and says so once", async () => {
    const [a, b] = [await testClient(), await testClient()];
    const key = `${prefix}:taken`;
    const lost: LockLostReason[] = [];
    const la = createLeaderLock({ client: a, key, ttlMs: 300, logger: silent, onLost: (r) => lost.push(r) });
    expect(await la.tryAcquire()).toBe(true);
    await b.set(key, "intruder", { expiration: { type: "PX", value: 5_000 } });
    // Its next renewal finds the key taken.
    await vi.waitFor(() => expect(lost).toEqual(["taken"]), { timeout: 4_000, interval: 20 });
    expect(la.held()).toBe(false);
    // Releasing a lock we lost leaves the new owner's key alone.
    await la.release();
    expect(await b.get(key)).toBe("intruder");
    await closeRedis(a);
    await closeRedis(b);
  });
});
