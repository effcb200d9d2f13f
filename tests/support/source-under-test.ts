// One status page source against the loopback status page server: pages with scripted answers,
// a poll, and "the snapshot it must give".
import fetch from "node-fetch";
import { afterAll, beforeAll } from "vitest";
import type { StatusPage, StatusPageKind } from "../../src/domain/service.js";
import type { StatusSource } from "../../src/sources/source.js";
import { type StatusPageServer, type Step, startStatusPageServer } from "./status-page-server.js";

const NOW = Date.parse("2026-11-26T11:00:00Z");

/** Starts the server for the calling test file and gives helpers bound to `source` (`feedPath` "" when the page URL is the document itself). */
export function sourceUnderTest(source: StatusSource, kind: StatusPageKind, feedPath: string) {
  let server: StatusPageServer;
  let n = 0;
  beforeAll(async () => {
    server = await startStatusPageServer();
  });
  afterAll(() => server.close());

  /** A page at a fresh path whose feed answers with `steps`, in turn. */
  const page = (...steps: Step[]): StatusPage => {
    const base = `/${kind}-${++n}`;
    server.route(feedPath === "" ? base : `${base}/${feedPath}`, ...steps);
    return { kind, url: `${server.url}${base}` };
  };
  const poll = (p: StatusPage) => source.fetch(p, { fetch, now: () => NOW, limits: { timeoutMs: 2_000 } });
  /** The snapshot a page must give; anything else fails the test with what came instead. */
  const good = async (p: StatusPage) => {
    const result = await poll(p);
    if (!result.ok || result.notModified) throw new Error(`expected a snapshot, got ${JSON.stringify(result)}`);
    return result.status;
  };
  return { page, poll, good };
}
