import { describe, expect, it } from "vitest";
import type { OfficialSnapshot } from "../../src/domain/official.js";
import { emptyPollRecord, type PollRecord } from "../../src/sources/poll-record.js";
import { applyResult, nextDelay, toOfficialStatus } from "../../src/sources/poll-state.js";
import { parseRetryAfter } from "../../src/sources/retry-after.js";
import { sourceError } from "../../src/sources/source-error.js";

const T0 = Date.parse("2026-11-26T11:00:00Z");
const MIN = 60_000;
const timing = { intervalMs: MIN, jitter: 0 };
const mid = () => 0.5;
const snapshot: OfficialSnapshot = {
  indicator: "none",
  description: "ok",
  pageUrl: null,
  components: [],
  incidents: [],
  maintenance: [],
};

function record(over: Partial<PollRecord> = {}): PollRecord {
  return { ...emptyPollRecord("github", T0), ...over };
}

describe("poll state", () => {
  it.each([
    [0, 1],
    [1, 1],
    [2, 2],
    [3, 4],
    [4, 8],
    [5, 15],
    [12, 15],
  ])("backs off exponentially: %i failures wait %i min", (failures, minutes) => {
    const r = record({ failures, lastError: failures ? sourceError("http", "HTTP 500") : null });
    expect(nextDelay(r, timing, mid)).toBe(minutes * MIN);
  });

  it("spreads delays by the jitter share", () => {
    const r = record();
    expect(nextDelay(r, { intervalMs: MIN, jitter: 0.1 }, () => 0)).toBe(54_000);
    expect(nextDelay(r, { intervalMs: MIN, jitter: 0.1 }, () => 0.999999)).toBe(66_000);
  });

  it("honours a longer Retry-After and caps an absurd one", () => {
    const r = record({
      failures: 1,
      lastError: sourceError("http", "HTTP 429", { httpStatus: 429, retryAfterMs: 10 * MIN }),
    });
    expect(nextDelay(r, timing, mid)).toBe(10 * MIN);
    const absurd = { ...r, lastError: { ...r.lastError!, retryAfterMs: 30 * 24 * 60 * MIN } };
    expect(nextDelay(absurd, timing, mid)).toBe(60 * MIN);
  });

  it.each([
    ["120", 120_000],
    ["0", 0],
    ["Thu, 26 Nov 2026 11:02:00 GMT", 120_000],
    ["Thu, 26 Nov 2026 10:00:00 GMT", 0],
    ["soon", null],
    ["-5", null],
    ["", null],
    [null, null],
  ])("reads Retry-After %s as %s ms", (header, ms) => {
    expect(parseRetryAfter(header, T0)).toBe(ms);
  });

  it("keeps the last good snapshot through an error and marks it stale with its age", () => {
    const good = applyResult(
      record(),
      { ok: true, notModified: false, status: snapshot, etag: '"1"', lastModified: null },
      T0,
    );
    const failed = applyResult(good, { ok: false, error: sourceError("timeout", "no answer") }, T0 + MIN);
    const shown = toOfficialStatus(failed, T0 + 2 * MIN, { staleAfterMs: 3 * MIN, pageUrl: null });
    expect(shown).toMatchObject({ indicator: "none", stale: true, ageSeconds: 120, error: "timeout: no answer" });
    expect(shown.fetchedAt).toBe("2026-11-26T11:00:00.000Z");
  });

  it("marks a snapshot stale once it is older than the stale limit", () => {
    const good = applyResult(
      record(),
      { ok: true, notModified: false, status: snapshot, etag: null, lastModified: null },
      T0,
    );
    expect(toOfficialStatus(good, T0 + 3 * MIN, { staleAfterMs: 3 * MIN, pageUrl: null }).stale).toBe(false);
    expect(toOfficialStatus(good, T0 + 3 * MIN + 1, { staleAfterMs: 3 * MIN, pageUrl: null }).stale).toBe(true);
  });

  it("refreshes fetchedAt on a 304 and keeps the snapshot", () => {
    const good = applyResult(
      record(),
      { ok: true, notModified: false, status: snapshot, etag: '"1"', lastModified: null },
      T0,
    );
    const kept = applyResult(
      good,
      { ok: true, notModified: true, status: null, etag: '"1"', lastModified: null },
      T0 + 5 * MIN,
    );
    expect(kept.snapshot).toEqual(snapshot);
    expect(kept.lastGoodAt).toBe(T0 + 5 * MIN);
  });

  it("shows a page that never answered well, with its error", () => {
    const failed = applyResult(record(), { ok: false, error: sourceError("parse", "got HTML") }, T0);
    expect(toOfficialStatus(failed, T0, { staleAfterMs: 3 * MIN, pageUrl: "https://x.example" })).toMatchObject({
      indicator: null,
      fetchedAt: null,
      stale: true,
      ageSeconds: null,
      pageUrl: "https://x.example",
      error: "parse: got HTML",
    });
  });
});
