import type { z } from "zod";
import type { KvDriver, KvEntry, KvIndex } from "./driver.js";
import { StoreError } from "./store-error.js";
import type { StoreBackend } from "./store-url.js";

/**
 * The key space of one repository (`incident:…`, `sub:…`): JSON values checked against a zod
 * schema when read back, optional TTLs, and indexes. Repositories are written against this only.
 */
export interface KvScope {
  readonly prefix: string;
  readonly backend: StoreBackend;
  /** Names the store in messages, without secrets. */
  readonly label: string;
  /** The value at `key`, or undefined when absent or expired; a value the schema rejects is a StoreError. */
  get<S extends z.ZodType>(key: string, schema: S): Promise<z.output<S> | undefined>;
  getMany<S extends z.ZodType>(keys: readonly string[], schema: S): Promise<(z.output<S> | undefined)[]>;
  set(key: string, value: unknown, ttlMs?: number): Promise<void>;
  setMany(entries: readonly KvEntry[]): Promise<void>;
  delete(key: string): Promise<boolean>;
  deleteMany(keys: readonly string[]): Promise<void>;
  /** A named index of ids in this scope (see KvIndex). */
  index(name: string): KvIndex;
  /** A nested key space, `prefix:sub`. */
  scope(sub: string): KvScope;
}

/** A KvScope over `driver` whose keys all start with `prefix:`. */
export function createKvScope(driver: KvDriver, prefix: string): KvScope {
  const full = (key: string) => `${prefix}:${key}`;
  const check = <S extends z.ZodType>(key: string, raw: unknown, schema: S): z.output<S> | undefined => {
    if (raw === undefined || raw === null) return undefined;
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join(".")}` : "";
    throw new StoreError(
      "invalid_value",
      `${driver.label}: ${full(key)} holds a value this version cannot read${where}: ${issue?.message ?? "invalid"}`,
    );
  };
  return {
    prefix,
    backend: driver.backend,
    label: driver.label,
    get: async (key, schema) => check(key, await driver.get(full(key)), schema),
    getMany: async (keys, schema) => {
      const raws = await driver.getMany(keys.map(full));
      return raws.map((raw, i) => check(keys[i] ?? "", raw, schema));
    },
    set: (key, value, ttlMs) => driver.set(full(key), value, ttlMs),
    setMany: (entries) => driver.setMany(entries.map((e) => ({ ...e, key: full(e.key) }))),
    delete: (key) => driver.delete(full(key)),
    deleteMany: (keys) => driver.deleteMany(keys.map(full)),
    index: (name) => driver.index(full(`idx:${name}`)),
    scope: (sub) => createKvScope(driver, full(sub)),
  };
}
