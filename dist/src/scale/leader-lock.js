import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
// Renew and release only while the key still holds our token: after an expiry another process
// may own it, and it must not be extended or deleted by the one that lost it.
const RENEW = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;
/** A leader lock on `key`. */
export function createLeaderLock(options) {
    const { client, key, logger } = options;
    const ttlMs = options.ttlMs ?? 10_000;
    const clock = options.clock ?? (() => performance.now());
    const token = options.token ?? randomBytes(16).toString("hex");
    // Redis expiry and our timer may drift apart a little; stop believing in the lease a bit early.
    const margin = Math.max(10, Math.floor(ttlMs * 0.05));
    let validUntil = 0;
    let holding = false;
    let timer;
    const lose = (reason) => {
        if (!holding)
            return;
        holding = false;
        clearInterval(timer);
        timer = undefined;
        logger.warn({ key, reason }, "leader lock lost");
        try {
            options.onLost?.(reason);
        }
        catch (error) {
            // Runs from a timer: a throw here would be an unhandled rejection and end the process.
            logger.error({ err: error, key }, "leader lock onLost handler failed");
        }
    };
    let renewing = false;
    const renew = async () => {
        if (!holding)
            return;
        // A renewal still unanswered when the lease runs out: the lease is gone whatever Redis says later.
        if (renewing) {
            if (clock() >= validUntil)
                lose("expired");
            return;
        }
        renewing = true;
        const sentAt = clock();
        try {
            const ok = await client.eval(RENEW, { keys: [key], arguments: [token, String(ttlMs)] });
            if (!holding)
                return;
            if (Number(ok) === 1)
                validUntil = sentAt + ttlMs - margin;
            else
                lose("taken");
        }
        catch (error) {
            logger.warn({ err: error, key }, "leader lock renewal failed; retrying");
            if (clock() >= validUntil)
                lose("expired");
        }
        finally {
            renewing = false;
        }
    };
    return {
        token,
        ttlMs,
        async tryAcquire() {
            if (holding)
                return true;
            const sentAt = clock();
            const ok = await client.set(key, token, { condition: "NX", expiration: { type: "PX", value: ttlMs } });
            if (ok !== "OK")
                return false;
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
            if (!was)
                return;
            try {
                await client.eval(RELEASE, { keys: [key], arguments: [token] });
            }
            catch (error) {
                // It expires by itself within the TTL.
                logger.warn({ err: error, key }, "leader lock release failed");
            }
        },
    };
}
//# sourceMappingURL=leader-lock.js.map