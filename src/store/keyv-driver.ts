import type Keyv from "keyv";
import type { KvDriver, KvIndex } from "./driver.js";
import { guard } from "./guard.js";
import { createJsonIndex } from "./json-index.js";
import type { StoreBackend } from "./store-url.js";

/** What a Keyv-backed driver needs besides the Keyv instance. */
export interface KeyvDriverOptions {
  keyv: Keyv;
  backend: StoreBackend;
  label: string;
  timeoutMs: number;
  /** A native index for the engine; a JSON value index otherwise. */
  nativeIndex?: (key: string) => KvIndex;
  /** Closes what Keyv does not own (a Redis client made outside it). */
  close: () => Promise<void>;
  /** Clears the namespace when Keyv's own clear misses keys (Redis sorted sets). */
  clear?: () => Promise<void>;
}

/** Wraps an index so each call has the store's deadline and error messages. */
function guardIndex(index: KvIndex, label: string, timeoutMs: number, key: string): KvIndex {
  const g = <T>(what: string, call: () => Promise<T>) => guard(label, `${what} of index ${key}`, timeoutMs, call);
  return {
    add: (members) => g("add", () => index.add(members)),
    remove: (ids) => g("remove", () => index.remove(ids)),
    members: (limit) => g("read", () => index.members(limit)),
    size: () => g("size", () => index.size()),
    trim: (max) => g("trim", () => index.trim(max)),
  };
}

/** A KvDriver over one Keyv instance: every call has a deadline and fails with a StoreError. */
export function createKeyvDriver(options: KeyvDriverOptions): KvDriver {
  const { keyv, label, timeoutMs } = options;
  const g = <T>(what: string, call: () => Promise<T>) => guard(label, what, timeoutMs, call);
  const queue = new Map<string, Promise<unknown>>();
  const indexIo = {
    label,
    get: (key: string) => g(`read of ${key}`, () => keyv.get(key)),
    set: async (key: string, value: unknown) => {
      await g(`write of ${key}`, () => keyv.set(key, value));
    },
  };
  return {
    backend: options.backend,
    label,
    get: (key) => g(`read of ${key}`, () => keyv.get(key)),
    getMany: (keys) =>
      keys.length === 0 ? Promise.resolve([]) : g(`read of ${keys.length} keys`, () => keyv.getMany([...keys])),
    set: async (key, value, ttlMs) => {
      await g(`write of ${key}`, () => keyv.set(key, value, ttlMs));
    },
    setMany: async (entries) => {
      if (entries.length === 0) return;
      await g(`write of ${entries.length} keys`, () =>
        keyv.setMany(entries.map((e) => ({ key: e.key, value: e.value, ttl: e.ttlMs }))),
      );
    },
    delete: (key) => g(`delete of ${key}`, () => keyv.delete(key)),
    deleteMany: async (keys) => {
      if (keys.length === 0) return;
      await g(`delete of ${keys.length} keys`, () => keyv.deleteMany([...keys]));
    },
    index: (key) =>
      options.nativeIndex
        ? guardIndex(options.nativeIndex(key), label, timeoutMs, key)
        : createJsonIndex(indexIo, key, queue),
    clear: () => g("clear", options.clear ?? (() => keyv.clear())),
    close: () => g("close", options.close),
  };
}
