import type { StatusPage, StatusPageKind } from "../domain/service.js";
import { readFeed } from "./feed-source.js";
import { type BodyWanted, getBody } from "./http-get-json.js";
import type { SourceRegistry } from "./registry.js";
import type { OfficialSnapshot, SourceFetchContext } from "./source.js";
import { type SourceError, sourceError } from "./source-error.js";

/** What a probe found: the page to poll, a name from the page's title, and what it says now. */
export type ProbeResult =
  | { ok: true; page: StatusPage; title: string | null; status: OfficialSnapshot }
  | { ok: false; error: SourceError; tried: string[] };

/** Feed paths status pages commonly publish, tried when the page links none. */
const FEED_PATHS = [
  "history.atom",
  "history.rss",
  "feed.atom",
  "feed.rss",
  "feed",
  "rss",
  "atom.xml",
  "rss.xml",
  "feed.xml",
  "index.xml",
];

/** Platform fingerprints in a page's HTML, to try that platform's API first. */
const HINTS: readonly (readonly [StatusPageKind, RegExp])[] = [
  ["incidentio", /incident\.io/i],
  ["instatus", /instatus/i],
  ["betterstack", /betteruptime|betterstack/i],
  ["statusio", /status\.io\b/i],
  ["atlassian", /statuspage\.io|atlassian/i],
];

const ANY: BodyWanted = {
  accept: "text/html, application/xhtml+xml, application/atom+xml, application/rss+xml, application/json;q=0.8",
  refuseType: () => null,
};

/** The status.io page id a page embeds (its API URL or a page-id attribute). */
function statusioPageId(html: string): string | null {
  const match =
    /api\.status\.io\/1\.0\/status\/([0-9a-f]{24})/i.exec(html) ??
    /(?:statuspage_id|page_id|data-page-id)["'=:\s]+([0-9a-f]{24})/i.exec(html);
  return match?.[1] ?? null;
}

/** `<link rel="alternate" type="application/rss+xml|atom+xml" href="…">` targets, resolved against `base`. */
export function feedLinks(html: string, base: string): string[] {
  const links: string[] = [];
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    const attr = (name: string) => new RegExp(`\\b${name}\\s*=\\s*["']([^"']*)["']`, "i").exec(tag)?.[1];
    const type = attr("type") ?? "";
    const href = attr("href");
    if (!/alternate/i.test(attr("rel") ?? "") || !/(rss|atom)\+xml/i.test(type) || !href) continue;
    if (URL.canParse(href, base)) links.push(new URL(href, base).toString());
  }
  return links;
}

/** A page's `<title>`, without a trailing or leading "Status" word. */
function titleOf(html: string): string | null {
  const raw = /<title[^>]*>([^<]*)<\/title>/i.exec(html)?.[1]?.trim();
  if (!raw) return null;
  const name = raw
    .replace(/&amp;/g, "&")
    .replace(/\s*[-–|:]?\s*(status( page)?|system status|service status)\s*$/i, "")
    .replace(/^\s*(status( page)?)\s*[-–|:]\s*/i, "")
    .trim();
  return name || raw;
}

/**
 * Finds how to poll a status page from its URL: reads the page (address rules apply, through
 * `ctx.fetch`), tries the platform its HTML points at first, then Atlassian Statuspage (incident.io
 * when the page says so), Instatus, Better Stack and status.io APIs, then the feeds the page links,
 * then common feed paths. A candidate counts only when its source reads it, so what a probe returns
 * is what the poller can poll. Never throws.
 */
export async function probeStatusPage(
  url: string,
  ctx: SourceFetchContext,
  sources: SourceRegistry,
): Promise<ProbeResult> {
  const fresh = { ...ctx, etag: null, lastModified: null };
  const got = await getBody(url, fresh, ANY);
  if (!got.ok) return { ok: false, error: got.error, tried: [url] };
  if (got.notModified)
    return { ok: false, error: sourceError("http", "HTTP 304 to an unconditional request"), tried: [url] };
  const base = got.url.replace(/[?#].*$/, "");
  const html = got.text;
  const title = /html/.test(got.contentType) || /^\s*<!doctype html|^\s*<html/i.test(html) ? titleOf(html) : null;
  // The URL may be a feed itself.
  if (/xml|rss|atom/.test(got.contentType) || /^\s*<\?xml/.test(html)) {
    const feed = await readFeed(html);
    if (feed.ok) {
      const page: StatusPage = { kind: "feed", url: got.url };
      const read = await sources.feed?.fetch(page, fresh);
      if (read?.ok && !read.notModified) return { ok: true, page, title: feed.feed.title, status: read.status };
    }
  }
  const hinted = HINTS.filter(([, pattern]) => pattern.test(html)).map(([kind]) => kind);
  const incidentio = hinted.includes("incidentio");
  const order: StatusPageKind[] = [...new Set<StatusPageKind>([...hinted, "atlassian", "instatus", "betterstack"])];
  const candidates: StatusPage[] = [];
  const pageId = statusioPageId(html);
  for (const kind of order) {
    if (kind === "statusio") {
      if (pageId) candidates.push({ kind, url: base, pageId });
    } else if (kind === "atlassian" || kind === "incidentio") {
      if (!candidates.some((c) => c.kind === "atlassian" || c.kind === "incidentio"))
        candidates.push({ kind: incidentio ? "incidentio" : "atlassian", url: base });
    } else candidates.push({ kind, url: base });
  }
  const root = base.endsWith("/") ? base : `${base}/`;
  const feeds = [...feedLinks(html, got.url), ...FEED_PATHS.map((path) => new URL(path, root).toString())];
  for (const feed of [...new Set(feeds)]) candidates.push({ kind: "feed", url: feed });

  const tried: string[] = [];
  let last: SourceError = sourceError("parse", "no known status page format found");
  for (const page of candidates) {
    const source = sources[page.kind];
    if (!source) continue;
    tried.push(`${page.kind} ${source.endpoint(page)}`);
    const read = await source.fetch(page, fresh);
    if (read.ok && !read.notModified) return { ok: true, page, title, status: read.status };
    if (!read.ok) {
      // An address refusal on the page's own host will refuse every candidate: stop at once.
      if (read.error.kind === "address") return { ok: false, error: read.error, tried };
      last = read.error;
    }
  }
  return {
    ok: false,
    error: sourceError("parse", `no known status page format found at ${url} (last: ${last.reason})`),
    tried,
  };
}
