import type { OfficialIncident } from "../domain/official.js";
import type { StatusPage } from "../domain/service.js";
import { type FeedDocument, FeedDocumentSchema, type FeedEntry } from "./feed-schema.js";
import { type BodyWanted, getBody } from "./http-get-json.js";
import { parseWith } from "./parse-with.js";
import type { OfficialSnapshot, SourceFetchContext, SourceResult, StatusSource } from "./source.js";
import { type SourceError, sourceError } from "./source-error.js";

/**
 * An entry newer than this, not marked resolved, is an open incident. Feeds keep months of
 * history and rarely say "resolved" in a field of their own, so age is the backstop.
 */
export const FEED_OPEN_WINDOW_MS = 24 * 60 * 60_000;

/** Words that mark an entry (its title, or the newest update at the top of its text) as over. */
const OVER = /\b(resolved|completed|closed|restored|recovered|fixed|operating normally|postmortem)\b/i;
const MAINTENANCE = /\bmaintenance\b/i;

const FEED_WANTED: BodyWanted = {
  accept: "application/atom+xml, application/rss+xml, application/xml;q=0.9, text/xml;q=0.9",
  refuseType(type, httpStatus) {
    // A page instead of its feed: the page probably moved or changed platforms.
    if (type.includes("html")) return sourceError("parse", `got HTML (${type}) instead of a feed`, { httpStatus });
    if (type.includes("json")) return sourceError("parse", `got JSON (${type}) instead of a feed`, { httpStatus });
    return null;
  },
};

/** The two XML libraries, loaded by the first feed read: a process that reads no feed (`ask`) skips ~40 ms. */
let xml: Promise<[typeof import("fast-xml-parser"), typeof import("@rowanmanning/feed-parser")]> | undefined;

/**
 * Parses RSS or Atom text and validates its shape; never rejects. The document must be well-formed
 * XML (fast-xml-parser's validator) before @rowanmanning/feed-parser reads it, as that parser is
 * lenient and would read a cut-off feed as an empty one.
 */
export async function readFeed(
  text: string,
): Promise<{ ok: true; feed: FeedDocument } | { ok: false; error: SourceError }> {
  xml ??= Promise.all([import("fast-xml-parser"), import("@rowanmanning/feed-parser")]);
  const [{ XMLValidator }, { parseFeed }] = await xml;
  const wellFormed = XMLValidator.validate(text);
  if (wellFormed !== true) {
    const { msg, line } = wellFormed.err;
    return { ok: false, error: sourceError("parse", `not well-formed XML (line ${line}: ${msg})`) };
  }
  let parsed: unknown;
  try {
    parsed = parseFeed(text).toJSON();
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, error: sourceError("parse", `not an RSS or Atom feed (${detail})`) };
  }
  const checked = parseWith(FeedDocumentSchema, parsed, "feed");
  return checked.ok ? { ok: true, feed: checked.value } : checked;
}

/** The text at the top of an entry (its newest update, on most status feeds), without markup. */
function lead(entry: FeedEntry): string {
  const html = entry.content ?? entry.description ?? "";
  return html
    .replace(/<[^>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 160);
}

function toIncident(entry: FeedEntry, n: number, date: Date): OfficialIncident {
  const maintenance = MAINTENANCE.test(entry.title ?? "");
  return {
    id: entry.id ?? entry.url ?? `${entry.title ?? "entry"}#${n}`,
    name: entry.title ?? "Untitled entry",
    status: maintenance ? "in_progress" : "open",
    // A feed says nothing about impact: an open entry is reported as minor, never guessed worse.
    impact: maintenance ? "maintenance" : "minor",
    startedAt: (entry.published ?? date).toISOString(),
    updatedAt: date.toISOString(),
    latestUpdate: lead(entry) || null,
    url: entry.url,
  };
}

/**
 * Maps a feed to a snapshot at `now`: entries dated within FEED_OPEN_WINDOW_MS and not marked over
 * are open incidents (maintenance when the title says so). A feed whose entries carry no dates
 * cannot say what is happening now: its indicator is unknown (null), never "all is well".
 */
export function mapFeed(feed: FeedDocument, pageUrl: string, now: number): OfficialSnapshot {
  const dated = feed.items
    .map((entry, n) => ({ entry, n, date: entry.updated ?? entry.published }))
    .filter((d): d is { entry: FeedEntry; n: number; date: Date } => d.date !== null);
  const base = { pageUrl: feed.url ?? pageUrl, components: [] };
  if (dated.length === 0) {
    const latest = feed.items[0]?.title;
    const description =
      feed.items.length === 0
        ? "The feed is empty: its current state is unknown"
        : `The feed gives no dates, so its current state is unknown (latest entry: ${latest ?? "untitled"})`;
    return { ...base, indicator: null, description, incidents: [], maintenance: [] };
  }
  const open = dated
    .filter(({ date }) => now - date.getTime() <= FEED_OPEN_WINDOW_MS && date.getTime() <= now + 60_000)
    .filter(({ entry }) => !OVER.test(entry.title ?? "") && !OVER.test(lead(entry).slice(0, 40)))
    .map(({ entry, n, date }) => toIncident(entry, n, date));
  const incidents = open.filter((i) => i.impact !== "maintenance");
  const maintenance = open.filter((i) => i.impact === "maintenance");
  const indicator = incidents.length > 0 ? "minor" : maintenance.length > 0 ? "maintenance" : "none";
  const description =
    incidents.length > 0
      ? `${incidents.length} open ${incidents.length === 1 ? "entry" : "entries"} in the feed`
      : maintenance.length > 0
        ? "Maintenance in progress"
        : "No open entry in the feed";
  return { ...base, indicator, description, incidents, maintenance };
}

/** Creates the generic RSS/Atom feed source: the page's `url` is the feed itself. */
export function createFeedSource(): StatusSource {
  return {
    kind: "feed",
    endpoint: (page: StatusPage) => page.url,
    async fetch(page: StatusPage, ctx: SourceFetchContext): Promise<SourceResult> {
      const got = await getBody(page.url, ctx, FEED_WANTED);
      if (!got.ok) return got;
      if (got.notModified) return { ...got, status: null };
      const read = await readFeed(got.text);
      if (!read.ok) return read;
      const status = mapFeed(read.feed, page.url, ctx.now());
      return { ok: true, notModified: false, status, etag: got.etag, lastModified: got.lastModified };
    },
  };
}
