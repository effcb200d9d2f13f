import type { Response } from "node-fetch";
import type { OfficialSnapshot } from "../domain/official.js";
import type { StatusPage, StatusPageKind } from "../domain/service.js";
import type { SourceError } from "./source-error.js";

/** The node-fetch function a source is handed (never the global fetch). */
export type FetchFn = (url: string, init?: import("node-fetch").RequestInit) => Promise<Response>;

export type { OfficialSnapshot };

/** Everything a source needs for one fetch; nothing is read from globals. */
export interface SourceFetchContext {
  fetch: FetchFn;
  /** Aborts the fetch (poller stopping); the source adds its own timeout on top. */
  signal?: AbortSignal | undefined;
  now: () => number;
  etag?: string | null | undefined;
  lastModified?: string | null | undefined;
  /** Overrides of the HTTP limits, for tests and benchmarks. */
  limits?: Partial<HttpLimits> | undefined;
}

/** Limits applied to every status page request. */
export interface HttpLimits {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  userAgent: string;
}

/** The outcome of one fetch: a validated snapshot, "not modified", or one SourceError. */
export type SourceResult =
  | { ok: true; notModified: false; status: OfficialSnapshot; etag: string | null; lastModified: string | null }
  | { ok: true; notModified: true; status: null; etag: string | null; lastModified: string | null }
  | { ok: false; error: SourceError };

/** One status page format (openstatus style): build the URL, fetch, validate, map. Never throws. */
export interface StatusSource {
  kind: StatusPageKind;
  /** The JSON document polled for a page (derived from the catalog's base URL). */
  endpoint(page: StatusPage): string;
  fetch(page: StatusPage, ctx: SourceFetchContext): Promise<SourceResult>;
}
