import { StoreError } from "./store-error.js";
const CORRUPT_CODES = new Set(["SQLITE_NOTADB", "SQLITE_CORRUPT"]);
const UNREADABLE_CODES = new Set(["SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_READONLY", "EACCES", "EISDIR", "EROFS"]);
/** Turns an engine error into a StoreError that says what to do, naming the store by `label`. */
export function toStoreError(error, label, what) {
    if (error instanceof StoreError)
        return error;
    const code = typeof error === "object" && error !== null ? String(error.code ?? "") : "";
    const detail = error instanceof Error ? error.message : String(error);
    if (CORRUPT_CODES.has(code)) {
        return new StoreError("corrupt", `${label} is not a SQLite database (or is damaged): move it away or point STORE_URL elsewhere (${detail})`, { cause: error });
    }
    if (UNREADABLE_CODES.has(code)) {
        return new StoreError("unreadable", `${label} cannot be opened for reading and writing: ${detail}`, {
            cause: error,
        });
    }
    return new StoreError("failed", `${label}: ${what} failed: ${detail}`, { cause: error });
}
/**
 * Runs one store call with a deadline: a Redis that is down can leave a call pending forever,
 * so every call either settles or fails with a StoreError after `timeoutMs`.
 */
export async function guard(label, what, timeoutMs, call) {
    let timer;
    const deadline = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new StoreError("timeout", `${label}: ${what} took longer than ${timeoutMs} ms`)), timeoutMs);
    });
    try {
        return await Promise.race([call(), deadline]);
    }
    catch (error) {
        throw toStoreError(error, label, what);
    }
    finally {
        clearTimeout(timer);
    }
}
//# sourceMappingURL=guard.js.map