import { ADDRESS_REFUSED } from "./public-fetch.js";
import { parseRetryAfter } from "./retry-after.js";
import { sourceError } from "./source-error.js";
import { USER_AGENT } from "./user-agent.js";
/** Limits used unless a source or the caller overrides them. */
export const DEFAULT_HTTP_LIMITS = {
    timeoutMs: 10_000,
    maxBytes: 2 * 1024 * 1024,
    maxRedirects: 5,
    userAgent: USER_AGENT,
};
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const JSON_WANTED = {
    accept: "application/json",
    refuseType(type, httpStatus) {
        if (type.includes("html"))
            return sourceError("parse", `got HTML (${type}) instead of JSON`, { httpStatus });
        if (type !== "" && !type.includes("json") && !type.startsWith("text/plain")) {
            return sourceError("parse", `unexpected content type ${type}, expected JSON`);
        }
        return null;
    },
};
/** GETs a JSON document (getBody's rules), then parses it. Never throws. */
export async function getJson(url, ctx, defaults = {}) {
    const got = await getBody(url, ctx, JSON_WANTED, defaults);
    if (!got.ok || got.notModified)
        return got;
    const { text, etag, lastModified } = got;
    if (/^\s*</.test(text))
        return { ok: false, error: sourceError("parse", "got HTML (or XML) instead of JSON") };
    try {
        return { ok: true, notModified: false, json: JSON.parse(text), etag, lastModified };
    }
    catch (error) {
        return { ok: false, error: sourceError("parse", `invalid JSON: ${errorMessage(error)}`) };
    }
}
/**
 * GETs a document with node-fetch: timeout over the whole exchange (headers and body), manual
 * redirects (http(s) only, loop and count checked; each hop goes through `ctx.fetch`, which
 * checks its address), a streamed body size cap, a content-type check and conditional request
 * headers. Never throws.
 */
export async function getBody(url, ctx, wanted, defaults = {}) {
    const limits = { ...DEFAULT_HTTP_LIMITS, ...defaults, ...ctx.limits };
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
    }, limits.timeoutMs);
    const onOuterAbort = () => controller.abort();
    ctx.signal?.addEventListener("abort", onOuterAbort, { once: true });
    try {
        if (ctx.signal?.aborted)
            return { ok: false, error: sourceError("network", "request cancelled") };
        const reached = await follow(url, ctx, limits, wanted.accept, controller.signal);
        if (!reached.ok)
            return reached;
        return await readBody(reached.response, reached.url, ctx, limits, wanted);
    }
    catch (error) {
        if (timedOut)
            return { ok: false, error: timeoutError(limits) };
        if (ctx.signal?.aborted)
            return { ok: false, error: sourceError("network", "request cancelled") };
        if (error.code === ADDRESS_REFUSED) {
            return { ok: false, error: sourceError("address", errorMessage(error).replace(/^.*failed, reason: /, "")) };
        }
        return { ok: false, error: sourceError("network", errorMessage(error)) };
    }
    finally {
        clearTimeout(timer);
        ctx.signal?.removeEventListener("abort", onOuterAbort);
        // Drops a body we did not read (an error page, one that never ends); a no-op once fully read.
        controller.abort();
    }
}
async function follow(url, ctx, limits, accept, signal) {
    let current = url;
    if (!isHttp(current))
        return { ok: false, error: sourceError("network", `only http(s) URLs are polled, not ${current}`) };
    const visited = [current];
    const headers = { "user-agent": limits.userAgent, accept };
    if (ctx.etag)
        headers["if-none-match"] = ctx.etag;
    if (ctx.lastModified)
        headers["if-modified-since"] = ctx.lastModified;
    for (let hop = 0;; hop++) {
        // Each hop can be dropped on its own (its body unread) while the whole exchange keeps its deadline.
        const hopController = new AbortController();
        const dropHop = () => hopController.abort();
        signal.addEventListener("abort", dropHop, { once: true });
        const response = await ctx.fetch(current, { redirect: "manual", signal: hopController.signal, headers });
        if (!REDIRECTS.has(response.status))
            return { ok: true, response, url: current };
        hopController.abort();
        signal.removeEventListener("abort", dropHop);
        const location = response.headers.get("location");
        if (!location)
            return { ok: false, error: sourceError("http", `HTTP ${response.status} without a Location header`) };
        const next = URL.canParse(location, current) ? new URL(location, current).toString() : null;
        if (next === null)
            return { ok: false, error: sourceError("redirect", `unreadable redirect Location: ${location}`) };
        if (!isHttp(next))
            return { ok: false, error: sourceError("redirect", `redirect to a non-http(s) URL: ${next}`) };
        if (visited.includes(next)) {
            return { ok: false, error: sourceError("redirect", `redirect loop: ${[...visited, next].join(" → ")}`) };
        }
        if (hop + 1 > limits.maxRedirects) {
            return { ok: false, error: sourceError("redirect", `more than ${limits.maxRedirects} redirects from ${url}`) };
        }
        visited.push(next);
        current = next;
    }
}
/** Reads and checks the final answer; a body left unread is dropped by getBody's abort. */
async function readBody(response, url, ctx, limits, wanted) {
    const etag = response.headers.get("etag") ?? ctx.etag ?? null;
    const lastModified = response.headers.get("last-modified") ?? ctx.lastModified ?? null;
    if (response.status === 304) {
        return { ok: true, notModified: true, etag, lastModified };
    }
    if (response.status < 200 || response.status > 299) {
        const retryAfterMs = response.status === 429 || response.status === 503
            ? parseRetryAfter(response.headers.get("retry-after"), ctx.now())
            : null;
        const text = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`;
        return { ok: false, error: sourceError("http", text, { httpStatus: response.status, retryAfterMs }) };
    }
    const contentType = (response.headers.get("content-type") ?? "").toLowerCase();
    const refused = wanted.refuseType(contentType, response.status);
    if (refused)
        return { ok: false, error: refused };
    const declared = Number(response.headers.get("content-length") ?? Number.NaN);
    if (declared > limits.maxBytes) {
        return { ok: false, error: tooLarge(limits, `declared ${declared} bytes`) };
    }
    const chunks = [];
    let size = 0;
    if (response.body) {
        for await (const chunk of response.body) {
            const buffer = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
            size += buffer.length;
            if (size > limits.maxBytes) {
                return { ok: false, error: tooLarge(limits, "body kept coming") };
            }
            chunks.push(buffer);
        }
    }
    const text = Buffer.concat(chunks).toString("utf8");
    return { ok: true, notModified: false, text, contentType, url, etag, lastModified };
}
function isHttp(url) {
    try {
        const { protocol } = new URL(url);
        return protocol === "http:" || protocol === "https:";
    }
    catch {
        return false;
    }
}
function tooLarge(limits, detail) {
    return sourceError("too_large", `body over ${limits.maxBytes} bytes (${detail})`);
}
function timeoutError(limits) {
    return sourceError("timeout", `no complete answer within ${limits.timeoutMs} ms`);
}
function errorMessage(error) {
    return error instanceof Error ? error.message : String(error);
}
//# sourceMappingURL=http-get-json.js.map