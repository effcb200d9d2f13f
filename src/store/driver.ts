import type { StoreBackend } from "./store-url.js";

/** One key-value write; `ttlMs` makes the key expire. */
export interface KvEntry {
  key: string;
  value: unknown;
  ttlMs?: number | undefined;
}

/** One member of an index with its score (usually a time), higher scores first. */
export interface IndexMember {
  id: string;
  score: number;
}

/**
 * A set of ids with a score each, updated member by member so that several processes can add to
 * one index without overwriting each other (a Redis sorted set on Redis).
 */
export interface KvIndex {
  /** Adds ids, or updates their scores. */
  add(members: readonly IndexMember[]): Promise<void>;
  remove(ids: readonly string[]): Promise<void>;
  /** Ids, highest score first, at most `limit`. */
  members(limit?: number): Promise<string[]>;
  size(): Promise<number>;
  /** Keeps the `max` highest-scored ids and returns the ids it dropped. */
  trim(max: number): Promise<string[]>;
}

/** The engine under the repositories: plain keys (JSON values, optional TTL) and indexes. */
export interface KvDriver {
  readonly backend: StoreBackend;
  /** Names the store in messages, without secrets. */
  readonly label: string;
  get(key: string): Promise<unknown>;
  getMany(keys: readonly string[]): Promise<unknown[]>;
  set(key: string, value: unknown, ttlMs?: number): Promise<void>;
  setMany(entries: readonly KvEntry[]): Promise<void>;
  delete(key: string): Promise<boolean>;
  deleteMany(keys: readonly string[]): Promise<void>;
  index(key: string): KvIndex;
  /** Removes every key of this store's namespace (tests and resets). */
  clear(): Promise<void>;
  close(): Promise<void>;
}
