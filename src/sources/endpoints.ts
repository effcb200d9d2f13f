import type { StatusPage } from "../domain/service.js";

// The JSON document polled for a page, by kind: apart from the adapters, which parse and validate
// what comes back, so the poller can key and share pages without loading any of them.

/** A base URL with the trailing slash `new URL(path, base)` needs to append rather than replace. */
const asBase = (url: string) => (url.endsWith("/") ? url : `${url}/`);

/** Statuspage v2 (and incident.io's compatible JSON): `<base>/api/v2/summary.json`, or the JSON URL itself. */
export function atlassianEndpoint(page: StatusPage): string {
  if (page.url.endsWith(".json")) return page.url;
  return new URL("api/v2/summary.json", asBase(page.url)).toString();
}

/** Better Stack: `<base>/index.json`, or the JSON URL itself. */
export function betterStackEndpoint(page: StatusPage): string {
  if (page.url.endsWith(".json")) return page.url;
  return new URL("index.json", asBase(page.url)).toString();
}

/** Google's dashboards: `<base>/incidents.json`, or the JSON URL itself. */
export function googleCloudEndpoint(page: StatusPage): string {
  if (page.url.endsWith(".json")) return page.url;
  return new URL("incidents.json", asBase(page.url)).toString();
}

/** Instatus: `<base>/summary.json`, or the JSON URL itself. */
export function instatusEndpoint(page: StatusPage): string {
  if (page.url.endsWith(".json")) return page.url;
  return new URL("summary.json", asBase(page.url)).toString();
}

/** Where status.io serves its public status API. */
export const STATUSIO_API_BASE = "https://api.status.io";

/** An API URL given directly as the page URL: `<host>/1.0/status/<page id>`. */
const API_PATH = /^\/1\.0\/status\/([0-9a-f]{24})\/?$/i;
/** A public page URL that carries its id: `status.io/pages/<id>` (or `/pages/history/<id>`). */
const PAGE_PATH = /\/pages\/(?:history\/)?([0-9a-f]{24})(?:\/|$)/i;

/** Where one status.io page is read from and linked to. */
export interface StatusioTarget {
  pageId: string;
  /** The JSON document polled. */
  endpoint: string;
  /** The human page, linked from the snapshot. */
  pageUrl: string;
  /** Origin that serves the page's incident and maintenance pages. */
  site: string;
}

/**
 * Works out a page's API URL. The catalog gives the public page as `url` and the id as `pageId`
 * (the API is then `<apiBase>/1.0/status/<pageId>`); a `url` that already is an API URL, or a
 * `status.io/pages/<id>` URL, needs no `pageId`. Null when no id can be found.
 */
export function statusioTarget(page: StatusPage, apiBase: string = STATUSIO_API_BASE): StatusioTarget | null {
  if (!URL.canParse(page.url)) return null;
  const url = new URL(page.url);
  const direct = API_PATH.exec(url.pathname)?.[1];
  if (direct) {
    const pageId = page.pageId ?? direct;
    return { pageId, endpoint: page.url, pageUrl: `https://status.io/pages/${pageId}`, site: "https://status.io" };
  }
  const pageId = page.pageId ?? PAGE_PATH.exec(url.pathname)?.[1];
  if (!pageId) return null;
  const endpoint = new URL(`1.0/status/${pageId}`, apiBase.endsWith("/") ? apiBase : `${apiBase}/`).toString();
  return { pageId, endpoint, pageUrl: page.url, site: url.origin };
}

/** The API URL of a page; a page without an id keeps its own URL (its fetch reports the missing id). */
export function statusioEndpoint(page: StatusPage, apiBase: string = STATUSIO_API_BASE): string {
  return statusioTarget(page, apiBase)?.endpoint ?? page.url;
}
