import { StoreError } from "./store-error.js";
/** A KvScope over `driver` whose keys all start with `prefix:`. */
export function createKvScope(driver, prefix) {
    const full = (key) => `${prefix}:${key}`;
    const check = (key, raw, schema) => {
        if (raw === undefined || raw === null)
            return undefined;
        const parsed = schema.safeParse(raw);
        if (parsed.success)
            return parsed.data;
        const issue = parsed.error.issues[0];
        const where = issue?.path.length ? ` at ${issue.path.join(".")}` : "";
        throw new StoreError("invalid_value", `${driver.label}: ${full(key)} holds a value this version cannot read${where}: ${issue?.message ?? "invalid"}`);
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
//# sourceMappingURL=kv-scope.js.map