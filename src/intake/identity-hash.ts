import * as crypto from "node:crypto";

/** What an identity is: a reporter (user) or an origin (guild, API origin). */
export type IdentityKind = "reporter" | "origin";

/**
 * Slots of a cache (a power of two). Direct-mapped: each id has one slot, chosen by a hash of its
 * characters, and a new id takes it over. A Map cache cost ~0.3 µs per new id (its insertions, its
 * generations, their garbage), so an import of a million reporters seen once each paid 0.3 s for
 * nothing; this costs a string hash and two array writes. Ids that repeat soon (guilds, a
 * reporter pressing twice) still hit.
 */
const CACHE_SLOTS = 4096;

// One-shot `crypto.hash` (Node ≥ 20.12) costs ~0.7 µs here against ~4 µs for an HMAC object.
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: "base64url") => string }).hash;
const sha256 = oneShot
  ? (text: string) => oneShot("sha256", text, "base64url")
  : (text: string) => crypto.createHash("sha256").update(text).digest("base64url");

/**
 * Raw id → hash for one kind, bounded to CACHE_SLOTS entries. The raw ids live only in this
 * process's memory, never in a snapshot or a log.
 */
class HashCache {
  private readonly raws: (string | undefined)[] = new Array(CACHE_SLOTS).fill(undefined);
  private readonly hashes: string[] = new Array(CACHE_SLOTS).fill("");

  constructor(private readonly compute: (raw: string) => string) {}

  get(raw: string): string {
    let h = 0x811c9dc5;
    for (let i = 0; i < raw.length; i++) h = Math.imul(h ^ raw.charCodeAt(i), 0x01000193);
    const slot = h & (CACHE_SLOTS - 1);
    if (this.raws[slot] === raw) return this.hashes[slot]!;
    const hash = this.compute(raw);
    this.raws[slot] = raw;
    this.hashes[slot] = hash;
    return hash;
  }
}

/** A salted identity hasher: (kind, raw id) → hash. */
export type IdentityHasher = (kind: IdentityKind, raw: string) => string;

/**
 * A hasher for one salt: SHA-256 over `salt \0 kind : raw`, truncated to 132 bits (22 base64url
 * characters). One-way and salted: without the salt nobody can test a guessed id against a stored
 * hash. `kind` separates reporters from origins so equal raw ids never collide.
 */
export function createIdentityHasher(salt: string): IdentityHasher {
  const reporter = new HashCache((raw) => hashIdentity(salt, "reporter", raw));
  const origin = new HashCache((raw) => hashIdentity(salt, "origin", raw));
  return (kind, raw) => (kind === "reporter" ? reporter.get(raw) : origin.get(raw));
}

/**
 * The identity hash of one raw id, uncached: for the few ids of a command or a config list
 * (exclusions). Reports go through a ReportBuilder's own cached hasher.
 */
export function hashIdentity(salt: string, kind: IdentityKind, raw: string): string {
  return sha256(`${salt}\0${kind}:${raw}`).slice(0, 22);
}
