import { createHmac } from "node:crypto";
import { bench, describe } from "vitest";
import { createIdentityHasher } from "../../src/intake/index.js";

// Identity hashing, 10,000 ids per op: the HMAC-SHA256 object per call the intake used before
// (baseline), against the keyed one-shot SHA-256 it uses now, without and with its cache.
const SALT = "bench-salt-0123456789";
const ids = Array.from({ length: 10_000 }, (_, i) => `${100_000_000_000_000_000n + BigInt(i * 7919)}`);
const warm = createIdentityHasher(SALT);
for (const id of ids) warm("reporter", id);
let fresh = 0;

describe("identity hash of 10,000 Discord-sized ids", () => {
  bench("baseline: createHmac(sha256, salt) per id (before issue 9)", () => {
    for (const id of ids)
      createHmac("sha256", SALT).update(`reporter:${id}`).digest().subarray(0, 16).toString("base64url");
  });
  bench("one-shot sha256(salt, kind, id), every id new to the cache", () => {
    // A new hasher per op: every lookup misses, so this is the hash itself plus the cache's bookkeeping.
    const hasher = createIdentityHasher(`${SALT}${fresh++}`);
    for (const id of ids) hasher("reporter", id);
  });
  bench("one-shot sha256 with the cache warm (ids seen before)", () => {
    for (const id of ids) warm("reporter", id);
  });
});
