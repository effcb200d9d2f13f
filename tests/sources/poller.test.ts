import fetch from "node-fetch";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { OfficialIncidentEvent } from "../../src/domain/official.js";
import { type Service, ServiceSchema } from "../../src/domain/service.js";
import type { PollRecord } from "../../src/sources/poll-record.js";
import { createPoller, type PollerOptions, type Scheduler } from "../../src/sources/poller.js";
import { type StatusPageServer, type Step, startStatusPageServer } from "../support/status-page-server.js";

let server: StatusPageServer;
let n = 0;
const T0 = Date.parse("2026-11-26T11:00:00Z");
const quiet = { debug: () => {}, info: () => {}, warn: () => {} };

beforeAll(async () => {
  server = await startStatusPageServer();
});
afterAll(() => server.close());

/** A service whose Statuspage is scripted on the loopback server. */
function service(id: string, ...steps: Step[]): Service {
  const base = `/s${++n}`;
  server.route(`${base}/api/v2/summary.json`, ...steps);
  return ServiceSchema.parse({
    id,
    name: id,
    category: "dev",
    statusPage: { kind: "atlassian", url: `${server.url}${base}` },
  });
}

function catalogOf(services: Service[]) {
  return { all: () => services, get: (id: string) => services.find((s) => s.id === id) };
}

function clock(start = T0) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

function setup(services: Service[], over: Partial<PollerOptions> = {}) {
  const time = clock();
  const events: OfficialIncidentEvent[] = [];
  const poller = createPoller({
    catalog: catalogOf(services),
    fetch,
    now: time.now,
    logger: quiet,
    random: () => 0.5,
    limits: { timeoutMs: 2_000 },
    onEvents: (e) => {
      events.push(...e);
    },
    ...over,
  });
  return { poller, time, events };
}

describe("status page poller", () => {
  it("polls every service with a status page and says what changed", async () => {
    const noPage = ServiceSchema.parse({ id: "nopage", name: "No page", category: "other" });
    const { poller, events } = setup([service("github", { fixture: "atlassian/critical.json" }), noPage]);
    const [outcome, ...rest] = await poller.pollOnce();
    expect(rest).toEqual([]);
    expect(outcome).toMatchObject({ serviceId: "github", result: "updated", error: null });
    expect(outcome!.changes).toContain("indicator unknown → critical (Major System Outage)");
    expect(outcome!.changes).toContain("component Git Operations: new → major_outage");
    expect(events.map((e) => [e.kind, e.incident.name])).toEqual([
      ["opened", "Git operations unavailable"],
      ["opened", "Delayed webhook deliveries"],
    ]);
    expect(poller.official("nopage", T0)).toBeNull();
    expect(poller.official("github", T0)).toMatchObject({ indicator: "critical", stale: false, error: null });
  });

  it("polls only the services asked for", async () => {
    const { poller } = setup([
      service("a", { fixture: "atlassian/minor.json" }),
      service("b", { fixture: "atlassian/minor.json" }),
    ]);
    expect((await poller.pollOnce(["b"])).map((o) => o.serviceId)).toEqual(["b"]);
  });

  it("reports nothing changed when the page says the same thing", async () => {
    const { poller } = setup([service("same", { fixture: "atlassian/minor.json" })]);
    await poller.pollOnce();
    const [again] = await poller.pollOnce();
    expect(again).toMatchObject({ result: "unchanged", changes: [], events: [] });
  });

  it("uses the ETag: a 304 keeps the last good state and refreshes fetchedAt", async () => {
    const svc = service("etag", { fixture: "atlassian/major.json", etag: '"abc"' });
    const { poller, time } = setup([svc]);
    await poller.pollOnce();
    time.advance(5 * 60_000);
    const [outcome] = await poller.pollOnce();
    expect(outcome).toMatchObject({ result: "not_modified", changes: [] });
    expect(outcome!.official).toMatchObject({
      indicator: "major",
      fetchedAt: "2026-11-26T11:05:00.000Z",
      stale: false,
    });
    expect(server.requests.at(-1)!.headers["if-none-match"]).toBe('"abc"');
  });

  it("keeps the last good state through an error, marked stale with its age", async () => {
    const svc = service("flaky", { fixture: "atlassian/minor.json" }, { status: 500, body: "" });
    const { poller, time } = setup([svc]);
    await poller.pollOnce();
    time.advance(90_000);
    const [outcome] = await poller.pollOnce();
    expect(outcome).toMatchObject({ result: "error", error: { kind: "http", httpStatus: 500 } });
    expect(outcome!.official).toMatchObject({
      indicator: "minor",
      stale: true,
      ageSeconds: 90,
      error: "http: HTTP 500 Internal Server Error",
    });
    expect(outcome!.changes).toEqual(["error: http: HTTP 500 Internal Server Error"]);
  });

  it("backs off exponentially while a page keeps failing", async () => {
    const { poller, time } = setup([service("down", { status: 500, body: "" })]);
    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      const [outcome] = await poller.pollOnce();
      delays.push(outcome!.nextPollAt - time.now());
      time.advance(1_000);
    }
    expect(delays).toEqual([60_000, 120_000, 240_000, 480_000]);
  });

  it("honours Retry-After on 429", async () => {
    const { poller, time } = setup([service("limited", { status: 429, headers: { "retry-after": "900" }, body: "" })]);
    const [outcome] = await poller.pollOnce();
    expect(outcome!.nextPollAt - time.now()).toBe(900_000);
  });

  it("shows a page that never answered well, with its error", async () => {
    const { poller } = setup([
      service("html", { body: "<html>Just a moment</html>", headers: { "content-type": "text/html" } }),
    ]);
    expect(poller.official("html", T0)).toMatchObject({ indicator: null, error: "not polled yet", stale: true });
    await poller.pollOnce();
    expect(poller.official("html", T0)).toMatchObject({ indicator: null, fetchedAt: null, stale: true });
    expect(poller.official("html", T0)?.error).toContain("HTML");
  });

  it("keeps polling other services while one hangs", async () => {
    const hang = service("hang", { hang: true });
    const others = ["o1", "o2", "o3"].map((id) => service(id, { fixture: "atlassian/operational.json" }));
    const seen: string[] = [];
    const { poller } = setup([hang, ...others], {
      concurrency: 2,
      limits: { timeoutMs: 60_000 },
      onStatus: (id) => {
        seen.push(id);
      },
    });
    const all = poller.pollOnce();
    await vi.waitFor(() => expect(seen.sort()).toEqual(["o1", "o2", "o3"]), { timeout: 5_000 });
    await poller.stop();
    const outcomes = await all;
    expect(outcomes.find((o) => o.serviceId === "hang")).toMatchObject({ result: "error" });
    // Cancelled by stop, not by the page: the record keeps no error of its own.
    expect(poller.official("hang", T0)?.error).toBe("not polled yet");
  });

  it("reports opened then resolved official incidents across polls", async () => {
    const { poller, events } = setup([
      service("inc", { fixture: "atlassian/major.json" }, { fixture: "atlassian/operational.json" }),
    ]);
    await poller.pollOnce();
    await poller.pollOnce();
    expect(events.map((e) => [e.kind, e.incident.id])).toEqual([
      ["opened", "inc-major"],
      ["resolved", "inc-major"],
    ]);
  });

  it("does not repeat opened events after a restart that restored the records", async () => {
    const saved = new Map<string, PollRecord>();
    const repo = {
      getMany: async (ids: readonly string[]) => ids.map((id) => saved.get(id)),
      save: async (r: PollRecord) => {
        saved.set(r.serviceId, r);
      },
    };
    const svc = service("persist", { fixture: "atlassian/major.json" });
    const first = setup([svc], { repo });
    await first.poller.pollOnce();
    expect(first.events).toHaveLength(1);
    const second = setup([svc], { repo });
    await second.poller.load();
    await second.poller.pollOnce();
    expect(second.events).toEqual([]);
  });

  it("turns a throwing source into an error on its page, not a crash", async () => {
    const svc = service("buggy", { fixture: "atlassian/minor.json" });
    const { poller } = setup([svc], {
      sources: {
        atlassian: {
          kind: "atlassian",
          endpoint: () => "",
          fetch: () => {
            throw new Error("boom");
          },
        },
      },
    });
    const [outcome] = await poller.pollOnce();
    expect(outcome).toMatchObject({ result: "error", error: { reason: "boom" } });
  });

  it("leaves out pages of a kind without an adapter", async () => {
    const other = ServiceSchema.parse({
      id: "gitlab",
      name: "GitLab",
      category: "dev",
      statusPage: { kind: "statusio", url: "https://status.gitlab.com" },
    });
    const { poller } = setup([other], { sources: {} });
    expect(await poller.pollOnce()).toEqual([]);
    expect(poller.official("gitlab", T0)).toBeNull();
  });

  it("keeps polling when the store or a listener fails", async () => {
    const { poller } = setup([service("storefail", { fixture: "atlassian/minor.json" })], {
      repo: { getMany: async () => [], save: async () => Promise.reject(new Error("store down")) },
      onStatus: () => {
        throw new Error("listener bug");
      },
    });
    const [outcome] = await poller.pollOnce();
    expect(outcome!.result).toBe("updated");
  });

  it("runs on its own schedule with an injected scheduler, and stops cleanly", async () => {
    const timers: { run: () => void; ms: number; live: boolean }[] = [];
    /** Fires the pending timer as the runtime would: it is no longer pending once it ran. */
    const fire = () => {
      const t = timers.filter((x) => x.live).at(-1)!;
      t.live = false;
      t.run();
    };
    const scheduler: Scheduler = {
      setTimeout: (run, ms) => {
        const t = { run, ms, live: true };
        timers.push(t);
        return t;
      },
      clearTimeout: (t) => {
        (t as { live: boolean }).live = false;
      },
    };
    const svc = service("loop", { fixture: "atlassian/operational.json" });
    const path = new URL(svc.statusPage!.url).pathname;
    const { poller, time } = setup([svc], { scheduler, random: () => 0 });
    poller.start();
    await vi.waitFor(() => expect(server.hits(`${path}/api/v2/summary.json`)).toBe(1));
    await vi.waitFor(() => expect(timers.filter((t) => t.live).at(-1)?.ms).toBe(30_000));
    // random() = 0 takes the full −10% jitter: due 54 s later; the loop wakes at most every 30 s.
    time.advance(30_000);
    fire();
    expect(server.hits(`${path}/api/v2/summary.json`)).toBe(1);
    time.advance(24_000);
    fire();
    await vi.waitFor(() => expect(server.hits(`${path}/api/v2/summary.json`)).toBe(2));
    await poller.stop();
    expect(timers.filter((t) => t.live)).toEqual([]);
  });
});
