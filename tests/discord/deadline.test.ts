import { describe, expect, it } from "vitest";
import { afterRefusal, deferDelay, interactionDeadline } from "../../src/discord/deadline.js";

const T = 1_000_000;

describe("interactionDeadline", () => {
  it.each([
    ["created 200 ms before we received it", T - 200, T, T + 2800],
    ["created when received", T, T, T + 3000],
    ["a local clock behind Discord's (created 'after' receipt)", T + 5000, T, T + 3000],
    ["a local clock far ahead, or ids that are not real snowflakes (10 s old)", T - 10_000, T, T + 2000],
  ])("counts 3 s from creation, trusting at most 1 s of age: %s", (_case, created, received, due) => {
    expect(interactionDeadline(created, received)).toBe(due);
  });
});

describe("afterRefusal", () => {
  it.each([
    ["a short retry_after that lands in time is waited out", 100, 50, false, { action: "wait", ms: 50 }],
    ["retry_after 3 s on the reply: defer now", 5, 3000, false, { action: "defer" }],
    ["retry_after 3 s on the deferral too: give up", 10, 3000, true, { action: "give-up" }],
    ["a retry that would land inside the margin is not waited for", 2600, 200, false, { action: "defer" }],
  ])("%s", (_case, elapsed, retryAfterMs, deferring, step) => {
    expect(afterRefusal({ now: T + elapsed, deadline: T + 3000, retryAfterMs, deferring })).toEqual(step);
  });
});

describe("deferDelay", () => {
  it.each([
    ["fresh interaction: the configured 2 s", 0, 2000, 2000],
    ["arrived late: whatever is left before the margin", 1500, 2000, 1200],
    ["no time left: defer at once", 2900, 2000, 0],
  ])("%s", (_case, elapsed, deferAfterMs, delay) => {
    expect(deferDelay({ now: T + elapsed, deadline: T + 3000, deferAfterMs })).toBe(delay);
  });
});
