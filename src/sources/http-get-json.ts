import type { Response } from "node-fetch";
import { ADDRESS_REFUSED } from "./public-fetch.js";
import { parseRetryAfter } from "./retry-after.js";
import type { HttpLimits, SourceFetchContext } from "./source.js";
import { type SourceError, sourceError } from "./source-error.js";
import { USER_AGENT } from "./user-agent.js";

/** Limits used unless a source or the caller overrides them. */
export const DEFAULT_HTTP_LIMITS: HttpLimits = {
  timeoutMs: 10_000,
  maxBytes: 2 * 1024 * 1024,
  maxRedirects: 5,
  userAgent: USER_AGENT,
};

/** A JSON document (not yet validated), "not modified", or why there is none. */
export type JsonResult =
  | { ok: true; notModified: false; json: unknown; etag: string | null; lastModified: string | null }
  | { ok: true; notModified: true; etag: string | null; lastModified: string | null }
  | { ok: false; error: SourceError };

/** A document's text with its content type and the URL it was finally read from (after redirects). */
export type BodyResult =
  | {
      ok: true;
      notModified: false;
      text: string;
      contentType: string;
      url: string;
      etag: string | null;
      lastModified: string | null;
    }
  | { ok: true; notModified: true; etag: string | null; lastModified: string | null }
  | { ok: false; error: SourceError };

/** What a caller of getBody asks for: its Accept header and which content types it can read. */
export interface BodyWanted {
  accept: string;
  /** Why a (lower-cased) content type cannot be read, or null when it can. Checked before the body is read. */
  refuseType(type: string, httpStatus: number): SourceError | null;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

const JSON_WANTED: BodyWanted = {
  accept: "application/json",
  refuseType(type, httpStatus) {
    if (type.includes("html")) return sourceError("parse", `got HTML (${type}) instead of JSON`, { httpStatus });
    if (type !== "" && !type.includes("json") && !type.startsWith("text/plain")) {
      return sourceError("parse", `unexpected content type ${type}, expected JSON`);
    }
    return null;
  },
};

/** GETs a JSON document (getBody's rules), then parses it. Never throws. */
export async function getJson(
  url: string,
  ctx: SourceFetchContext,
  defaults: Partial<HttpLimits> = {},
): Promise<JsonResult> {
  const got = await getBody(url, ctx, JSON_WANTED, defaults);
  if (!got.ok || got.notModified) return got;
  const { text, etag, lastModified } = got;
  if (/^\s*</.test(text)) return { ok: false, error: sourceError("parse", "got HTML (or XML) instead of JSON") };
  try {
    return { ok: true, notModified: false, json: JSON.parse(text), etag, lastModified };
  } catch (error) {
    return { ok: false, error: sourceError("parse", `invalid JSON: ${errorMessage(error)}`) };
  }
}

/**
 * GETs a document with node-fetch: timeout over the whole exchange (headers and body), manual
 * redirects (http(s) only, loop and count checked; each hop goes through `ctx.fetch`, which
 * checks its address), a streamed body size cap, a content-type check and conditional request
 * headers. Never throws.
 */
export async function getBody(
  url: string,
  ctx: SourceFetchContext,
  wanted: BodyWanted,
  defaults: Partial<HttpLimits> = {},
): Promise<BodyResult> {
  const limits: HttpLimits = { ...DEFAULT_HTTP_LIMITS, ...defaults, ...ctx.limits };
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, limits.timeoutMs);
  const onOuterAbort = () => controller.abort();
  ctx.signal?.addEventListener("abort", onOuterAbort, { once: true });
  try {
    if (ctx.signal?.aborted) return { ok: false, error: sourceError("network", "request cancelled") };
    const reached = await follow(url, ctx, limits, wanted.accept, controller.signal);
    if (!reached.ok) return reached;
    return await readBody(reached.response, reached.url, ctx, limits, wanted);
  } catch (error) {
    if (timedOut) return { ok: false, error: timeoutError(limits) };
    if (ctx.signal?.aborted) return { ok: false, error: sourceError("network", "request cancelled") };
    if ((error as { code?: unknown }).code === ADDRESS_REFUSED) {
      return { ok: false, error: sourceError("address", errorMessage(error).replace(/^.*failed, reason: /, "")) };
    }
    return { ok: false, error: sourceError("network", errorMessage(error)) };
  } finally {
    clearTimeout(timer);
    ctx.signal?.removeEventListener("abort", onOuterAbort);
    // Drops a body we did not read (an error page, one that never ends); a no-op once fully read.
    controller.abort();
  }
}

async function follow(
  url: string,
  ctx: SourceFetchContext,
  limits: HttpLimits,
  accept: string,
  signal: AbortSignal,
): Promise<{ ok: true; response: Response; url: string } | { ok: false; error: SourceError }> {
  let current = url;
  if (!isHttp(current))
    return { ok: false, error: sourceError("network", `only http(s) URLs are polled, not ${current}`) };
  const visited = [current];
  const headers: Record<string, string> = { "user-agent": limits.userAgent, accept };
  if (ctx.etag) headers["if-none-match"] = ctx.etag;
  if (ctx.lastModified) headers["if-modified-since"] = ctx.lastModified;
  for (let hop = 0; ; hop++) {
    // Each hop can be dropped on its own (its body unread) while the whole exchange keeps its deadline.
    const hopController = new AbortController();
    const dropHop = () => hopController.abort();
    signal.addEventListener("abort", dropHop, { once: true });
    const response = await ctx.fetch(current, { redirect: "manual", signal: hopController.signal, headers });
    if (!REDIRECTS.has(response.status)) return { ok: true, response, url: current };
    hopController.abort();
    signal.removeEventListener("abort", dropHop);
    const location = response.headers.get("location");
    if (!location)
      return { ok: false, error: sourceError("http", `HTTP ${response.status} without a Location header`) };
    const next = URL.canParse(location, current) ? new URL(location, current).toString() : null;
    if (next === null)
      return { ok: false, error: sourceError("redirect", `unreadable redirect Location: ${location}`) };
    if (!isHttp(next)) return { ok: false, error: sourceError("redirect", `redirect to a non-http(s) URL: ${next}`) };
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
async function readBody(
  response: Response,
  url: string,
  ctx: SourceFetchContext,
  limits: HttpLimits,
  wanted: BodyWanted,
): Promise<BodyResult> {
  const etag = response.headers.get("etag") ?? ctx.etag ?? null;
  const lastModified = response.headers.get("last-modified") ?? ctx.lastModified ?? null;
  if (response.status === 304) {
    return { ok: true, notModified: true, etag, lastModified };
  }
  if (response.status < 200 || response.status > 299) {
    const retryAfterMs =
      response.status === 429 || response.status === 503
        ? parseRetryAfter(response.headers.get("retry-after"), ctx.now())
        : null;
    const text = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`;
    return { ok: false, error: sourceError("http", text, { httpStatus: response.status, retryAfterMs }) };
  }
  const contentType = (response.headers.get("content-type") ?? "").toLowerCase();
  const refused = wanted.refuseType(contentType, response.status);
  if (refused) return { ok: false, error: refused };
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (declared > limits.maxBytes) {
    return { ok: false, error: tooLarge(limits, `declared ${declared} bytes`) };
  }
  const chunks: Buffer[] = [];
  let size = 0;
  if (response.body) {
    for await (const chunk of response.body) {
      const buffer = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
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

function isHttp(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === "http:" || protocol === "https:";
  } catch {
    return false;
  }
}

function tooLarge(limits: HttpLimits, detail: string): SourceError {
  return sourceError("too_large", `body over ${limits.maxBytes} bytes (${detail})`);
}

function timeoutError(limits: HttpLimits): SourceError {
  return sourceError("timeout", `no complete answer within ${limits.timeoutMs} ms`);
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
