import { guard } from "./guard.js";
import { createJsonIndex } from "./json-index.js";
/** Wraps an index so each call has the store's deadline and error messages. */
function guardIndex(index, label, timeoutMs, key) {
    const g = (what, call) => guard(label, `${what} of index ${key}`, timeoutMs, call);
    return {
        add: (members) => g("add", () => index.add(members)),
        remove: (ids) => g("remove", () => index.remove(ids)),
        members: (limit) => g("read", () => index.members(limit)),
        size: () => g("size", () => index.size()),
        trim: (max) => g("trim", () => index.trim(max)),
    };
}
/** A KvDriver over one Keyv instance: every call has a deadline and fails with a StoreError. */
export function createKeyvDriver(options) {
    const { keyv, label, timeoutMs } = options;
    const g = (what, call) => guard(label, what, timeoutMs, call);
    const queue = new Map();
    const indexIo = {
        label,
        get: (key) => g(`read of ${key}`, () => keyv.get(key)),
        set: async (key, value) => {
            await g(`write of ${key}`, () => keyv.set(key, value));
        },
    };
    return {
        backend: options.backend,
        label,
        get: (key) => g(`read of ${key}`, () => keyv.get(key)),
        getMany: (keys) => keys.length === 0 ? Promise.resolve([]) : g(`read of ${keys.length} keys`, () => keyv.getMany([...keys])),
        set: async (key, value, ttlMs) => {
            await g(`write of ${key}`, () => keyv.set(key, value, ttlMs));
        },
        setMany: async (entries) => {
            if (entries.length === 0)
                return;
            await g(`write of ${entries.length} keys`, () => keyv.setMany(entries.map((e) => ({ key: e.key, value: e.value, ttl: e.ttlMs }))));
        },
        delete: (key) => g(`delete of ${key}`, () => keyv.delete(key)),
        deleteMany: async (keys) => {
            if (keys.length === 0)
                return;
            await g(`delete of ${keys.length} keys`, () => keyv.deleteMany([...keys]));
        },
        index: (key) => options.nativeIndex
            ? guardIndex(options.nativeIndex(key), label, timeoutMs, key)
            : createJsonIndex(indexIo, key, queue),
        clear: () => g("clear", options.clear ?? (() => keyv.clear())),
        close: () => g("close", options.close),
    };
}
//# sourceMappingURL=keyv-driver.js.map