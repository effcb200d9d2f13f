import { describe, expect, it } from "vitest";
import { DEFAULT_ALERT_RULES as rules } from "../../src/alerts/alert-rules.js";
import type { AlertThread } from "../../src/alerts/alert-thread.js";
import { nextSend } from "../../src/alerts/next-send.js";
import { planThread } from "../../src/alerts/plan-thread.js";
import { event, MIN, subscription, T0 } from "./fixtures.js";

const sub = subscription();

function opened(): AlertThread {
  const plan = planThread(undefined, event("opened", T0), sub, T0, rules);
  if (!plan.thread) throw new Error("expected a thread");
  return plan.thread;
}

function delivered(thread: AlertThread, at: number): AlertThread {
  return {
    ...thread,
    messageId: "900000000000000001",
    sentVersion: thread.desiredVersion,
    lastSentAt: at,
    sentLevel: thread.level,
    sentPeakPerMinute: thread.peakPerMinute,
  };
}

describe("planThread", () => {
  it("starts a thread with one timeline entry when an incident opens", () => {
    const thread = opened();
    expect(thread.id).toBe("github:29000000:222222222222222222");
    expect(thread.timeline).toHaveLength(1);
    expect(nextSend(thread, rules)).toMatchObject({ action: "post", version: 1 });
  });

  it("does not announce an incident that is already over", () => {
    const plan = planThread(
      undefined,
      event("resolved", T0 + 30 * MIN, { resolvedAt: T0 + 30 * MIN }),
      sub,
      T0 + 31 * MIN,
      rules,
    );
    expect(plan.thread).toBeNull();
  });

  it("does not announce an opening it learns of long after the fact", () => {
    const plan = planThread(undefined, event("opened", T0), sub, T0 + 2 * 60 * MIN, rules);
    expect(plan).toEqual({ thread: null, skipped: "event too old to announce" });
  });

  it("asks for an immediate edit when the level changes", () => {
    const sent = delivered(opened(), T0 + MIN);
    const plan = planThread(
      sent,
      event("escalated", T0 + 2 * MIN, { currentLevel: "major_outage", level: "major_outage" }),
      sub,
      T0 + 2 * MIN,
      rules,
    );
    expect(plan.thread?.level).toBe("major_outage");
    expect(nextSend(plan.thread!, rules)).toMatchObject({ action: "edit", dueAt: 0 });
  });

  it("ignores a peak that grew less than the minimum change", () => {
    const sent = delivered(opened(), T0 + MIN);
    const plan = planThread(sent, event("updated", T0 + 2 * MIN, { peakPerMinute: 110 }), sub, T0 + 2 * MIN, rules);
    expect(plan).toMatchObject({ changed: false });
    expect(nextSend(plan.thread!, rules).action).toBe("none");
  });

  it("waits for the cooldown before editing for a bigger peak alone", () => {
    const sent = delivered(opened(), T0 + MIN);
    const plan = planThread(sent, event("updated", T0 + 2 * MIN, { peakPerMinute: 500 }), sub, T0 + 2 * MIN, rules);
    expect(nextSend(plan.thread!, rules)).toMatchObject({ action: "edit", dueAt: T0 + MIN + rules.editCooldownMs });
  });

  it("marks the thread resolved when its last open incident resolves", () => {
    const sent = delivered(opened(), T0 + MIN);
    const plan = planThread(
      sent,
      event("resolved", T0 + 40 * MIN, { resolvedAt: T0 + 40 * MIN, currentLevel: "operational" }),
      sub,
      T0 + 40 * MIN,
      rules,
    );
    expect(plan.thread?.resolvedAt).toBe(T0 + 40 * MIN);
    expect(nextSend(plan.thread!, rules)).toMatchObject({ action: "edit", dueAt: 0 });
  });

  it("closes quietly when the subscription does not want the resolution", () => {
    const quiet = subscription({ sendResolution: false });
    const first = planThread(undefined, event("opened", T0), quiet, T0, rules).thread!;
    const sent = delivered(first, T0 + MIN);
    const plan = planThread(
      sent,
      event("resolved", T0 + 40 * MIN, { resolvedAt: T0 + 40 * MIN }),
      quiet,
      T0 + 40 * MIN,
      rules,
    );
    expect(nextSend(plan.thread!, rules)).toEqual({ action: "close", reason: "resolution not wanted" });
  });

  it("continues the old message when a new incident opens soon after the last resolved", () => {
    const sent = delivered(opened(), T0 + MIN);
    const resolved = delivered(
      planThread(sent, event("resolved", T0 + 40 * MIN, { resolvedAt: T0 + 40 * MIN }), sub, T0 + 40 * MIN, rules)
        .thread!,
      T0 + 40 * MIN,
    );
    const again = planThread(
      resolved,
      event("opened", T0 + 50 * MIN, { id: "github:29000050", startedAt: T0 + 50 * MIN }),
      sub,
      T0 + 50 * MIN,
      rules,
    );
    expect(again.thread?.id).toBe(resolved.id);
    expect(again.thread?.resolvedAt).toBeNull();
    expect(again.thread?.timeline.at(-1)?.text).toMatch(/^Re-opened/);
    expect(nextSend(again.thread!, rules)).toMatchObject({ action: "edit" });
  });

  it("starts a new message when the next incident comes long after", () => {
    const sent = delivered(opened(), T0 + MIN);
    const resolved = delivered(
      planThread(sent, event("resolved", T0 + 40 * MIN, { resolvedAt: T0 + 40 * MIN }), sub, T0 + 40 * MIN, rules)
        .thread!,
      T0 + 40 * MIN,
    );
    const later = T0 + 5 * 60 * MIN;
    const plan = planThread(
      resolved,
      event("opened", later, { id: "github:29000300", startedAt: later }),
      sub,
      later,
      rules,
    );
    expect(plan.thread?.id).toBe("github:29000300:222222222222222222");
    expect(plan.thread?.messageId).toBeNull();
  });

  it("posts a new message per update in post mode", () => {
    const posting = subscription({ mode: "post" });
    const first = delivered(planThread(undefined, event("opened", T0), posting, T0, rules).thread!, T0 + MIN);
    const plan = planThread(
      first,
      event("escalated", T0 + 2 * MIN, { currentLevel: "major_outage", level: "major_outage" }),
      posting,
      T0 + 2 * MIN,
      rules,
    );
    expect(nextSend(plan.thread!, rules)).toMatchObject({ action: "post", version: 2 });
  });

  it("repeats a pending send with the same kind before anything else", () => {
    const thread: AlertThread = { ...opened(), pending: { version: 1, nonce: "n1", kind: "post" } };
    expect(nextSend(thread, rules)).toEqual({ action: "post", dueAt: 0, version: 1 });
  });
});
