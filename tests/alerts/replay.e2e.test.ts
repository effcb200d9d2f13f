// X's outage day replayed through the real aggregator, its incident events fed to the alert engine
// on the replay's clock, delivered through the real discord.js client to the emulator.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ReplayResult, runReplay } from "../../src/aggregator/scenarios/index.js";
import { crowdAlertEvent } from "../../src/alerts/crowd-alert-event.js";
import type { StoredMessage } from "../support/discord-emulator/index.js";
import { type AlertHarness, limitHits, seedSubscription, startAlertHarness } from "./e2e-harness.js";

const MIN = 60_000;

describe("an outage replayed through the aggregator, end to end", () => {
  let h: AlertHarness;
  let replay: ReplayResult;
  const ch: Record<"x" | "all" | "social" | "jp" | "nz" | "github" | "major" | "post", string> = {} as never;

  beforeAll(async () => {
    replay = runReplay("x-outage");
    h = await startAlertHarness({
      aggregator: replay.aggregator,
      start: replay.events[0]!.at - MIN,
      // Discord's route limits vary by channel; a looser one keeps this day-long replay quick.
      emulatorOptions: {
        routeLimits: {
          "POST /channels/:channel/messages": { limit: 50, windowMs: 5000 },
          "PATCH /channels/:channel/messages/:message": { limit: 50, windowMs: 5000 },
        },
      },
    });
    const g = h.emulator.guildId;
    for (const key of Object.keys({ x: 0, all: 0, social: 0, jp: 0, nz: 0, github: 0, major: 0, post: 0 })) {
      ch[key as keyof typeof ch] = h.emulator.addChannel({ name: key });
    }
    await h.repos.subscriptions.upsertMany([
      seedSubscription(g, ch.x, { minLevel: "degraded" }),
      seedSubscription(g, ch.all, { target: { kind: "all" }, minLevel: "degraded" }),
      seedSubscription(g, ch.social, { target: { kind: "category", category: "social" } }),
      seedSubscription(g, ch.jp, { regions: ["JP"] }),
      seedSubscription(g, ch.nz, { regions: ["NZ"] }),
      seedSubscription(g, ch.github, { target: { kind: "service", serviceId: "github" } }),
      seedSubscription(g, ch.major, { minLevel: "major_outage", sendResolution: false }),
      seedSubscription(g, ch.post, { mode: "post", minLevel: "degraded" }),
    ]);
    // Minute by minute on the replay's clock: events as the aggregator emitted them, then whatever is due.
    const events = [...replay.events];
    const end = events.at(-1)!.at + 30 * MIN;
    for (let t = h.clock.now; t <= end; t += MIN) {
      h.clock.now = t;
      while (events.length > 0 && events[0]!.at <= t) await h.engine.handle(crowdAlertEvent(events.shift()!));
      const due = await h.engine.nextDueAt();
      if (due !== null && due <= t) await h.engine.deliverDue();
    }
  });

  afterAll(async () => {
    await h?.close();
  });

  const messages = (channelId: string): StoredMessage[] => h.emulator.channelMessages(channelId);
  const title = (m: StoredMessage | undefined) => (m?.embeds[0] as { title?: string } | undefined)?.title ?? "";

  it("posts one message per incident in each subscribed channel, edited as it grows", () => {
    const incidents = replay.timeline.length;
    expect(incidents).toBe(2);
    for (const channelId of [ch.x, ch.all, ch.social]) {
      const list = messages(channelId);
      expect(list).toHaveLength(incidents);
      for (const m of list) expect(m.edited_timestamp).not.toBeNull();
      const edits = h.emulator.requests.filter((r) => r.method === "PATCH" && r.path.includes(channelId));
      expect(edits.length).toBeGreaterThanOrEqual(2 * incidents);
    }
  });

  it("marks each message resolved at the end, keeping a timeline", () => {
    for (const channelId of [ch.x, ch.all, ch.social, ch.jp]) {
      for (const m of messages(channelId)) {
        expect(title(m)).toContain("resolved");
        expect(m.content).toContain("back to normal");
        const timeline = (m.embeds[0] as { fields: { name: string; value: string }[] }).fields.find(
          (f) => f.name === "Timeline",
        );
        expect(timeline?.value.split("\n").length).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it("alerts a region filter only when that region is affected", () => {
    expect(messages(ch.jp)).toHaveLength(2);
    expect(messages(ch.nz)).toEqual([]);
  });

  it("filters by service and by level, and leaves the resolution out when asked", () => {
    expect(messages(ch.github)).toEqual([]);
    const major = messages(ch.major);
    expect(major).toHaveLength(2);
    const firstTitles = h.emulator.requests
      .filter((r) => r.method === "POST" && r.path.includes(ch.major))
      .map((r) => (r.body as { embeds: { title: string }[] }).embeds[0]?.title);
    expect(firstTitles).toHaveLength(2);
    for (const t of firstTitles) expect(t).toContain("major outage");
    for (const m of major) expect(title(m)).not.toContain("resolved");
  });

  it("posts a new message per update in post mode", () => {
    const posts = messages(ch.post);
    expect(posts.length).toBeGreaterThan(4);
    expect(posts.every((m) => m.edited_timestamp === null)).toBe(true);
    expect(title(posts.at(-1))).toContain("resolved");
  });

  it("stays within Discord's limits and leaves nothing pending", async () => {
    expect(h.emulator.violations).toEqual([]);
    expect(limitHits(h.emulator)).toEqual([]);
    expect(await h.repos.threads.listDead()).toEqual([]);
    expect((await h.repos.threads.listActive()).filter((t) => t.pending !== null)).toEqual([]);
  });
});
