import { StoreError } from "./store-error.js";
/** The storage engines a STORE_URL can name. */
export const STORE_BACKENDS = ["sqlite", "redis", "memory"];
/** Parses `sqlite://path`, `redis://…`/`rediss://…` or `memory://`; `label` is safe to log (no password). */
export function parseStoreUrl(url) {
    if (url.startsWith("memory://"))
        return { backend: "memory", label: "memory store" };
    if (url.startsWith("sqlite://")) {
        const path = url.slice("sqlite://".length);
        if (path === "")
            throw new StoreError("failed", "STORE_URL sqlite:// needs a file path, e.g. sqlite://./data/outage.sqlite");
        return { backend: "sqlite", path, label: `SQLite file ${path}` };
    }
    if (url.startsWith("redis://") || url.startsWith("rediss://")) {
        let parsed;
        try {
            parsed = new URL(url);
        }
        catch (error) {
            throw new StoreError("failed", "STORE_URL is not a valid redis:// URL", { cause: error });
        }
        if (parsed.password)
            parsed.password = "***";
        return { backend: "redis", url, label: `Redis at ${parsed.toString()}` };
    }
    throw new StoreError("failed", "STORE_URL: expected sqlite://path, redis://host:port or memory://");
}
//# sourceMappingURL=store-url.js.map