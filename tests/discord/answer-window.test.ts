// Every interaction gets an answer inside Discord's window, through the real discord.js client and the emulator.
import { afterEach, describe, expect, it } from "vitest";
import { slow, withCommand } from "./handlers.js";
import { type Harness, startHarness } from "./harness.js";

const CALLBACK = "POST /interactions/:id/:token/callback";
const EDIT = "PATCH /webhooks/:app/:token/messages/:message";

let h: Harness | undefined;
afterEach(async () => {
  expect(h?.emulator.violations ?? []).toEqual([]);
  await h?.close();
  h = undefined;
});

/** Milliseconds from the interaction's dispatch to the accepted first response, from the emulator's record. */
function firstResponseMs(harness: Harness, route = CALLBACK): number {
  const accepted = harness.emulator.requests.find((r) => r.route === route && r.status < 300);
  const created = harness.emulator.requests.find((r) => r.route === route);
  expect(accepted && created).toBeTruthy();
  return accepted!.at - created!.at;
}

describe("Discord's 3 s window", () => {
  it("defers at once when the reply is refused with retry_after 3 s, and edits the answer in", async () => {
    h = await startHarness({ emulator: { injected429RetryAfterMs: 3000 } });
    h.emulator.failNext(CALLBACK, "429", 1);
    const out = await h.emulator.inject.command("outage", "status", { service: "github" });
    // The emulator refuses (10062) any first response later than 3 s after the interaction.
    expect(out.callbackType).toBe(5);
    const callbacks = h.emulator.requests.filter((r) => r.route === CALLBACK);
    // The reply (4) was refused; the deferral (5) went out at once instead of after retry_after.
    expect(callbacks.map((r) => [(r.body as { type: number }).type, r.status])).toEqual([
      [4, 429],
      [5, 204],
    ]);
    expect(out.edits).toHaveLength(1);
    expect(JSON.stringify(out.message?.embeds)).toContain("GitHub");
    expect(firstResponseMs(h)).toBeLessThan(3000);
    expect(h.logs.some((l) => l.msg === "interaction response rate limited" && l.next === "defer")).toBe(true);
  });

  it("keeps a private answer private when it has to defer after a 429", async () => {
    h = await startHarness({ emulator: { injected429RetryAfterMs: 3000 } });
    h.emulator.failNext(CALLBACK, "429", 1);
    const out = await h.emulator.inject.command("outage", "status", { service: "no-such-service-at-all" });
    expect(out.callbackType).toBe(5);
    expect(out.ephemeral).toBe(true);
    expect(out.message?.content).toContain("I don't know a service");
  });

  it("defers a slow handler and, when the deferral is refused briefly, retries it in time", async () => {
    h = await startHarness({
      deferAfterMs: 50,
      emulator: { injected429RetryAfterMs: 100 },
      handlers: withCommand(slow(400, { content: "slow store answered" })),
    });
    h.emulator.failNext(CALLBACK, "429", 1);
    const out = await h.emulator.inject.command("outage", "status", { service: "github" });
    expect(out.callbackType).toBe(5);
    expect(out.message?.content).toBe("slow store answered");
    expect(h.emulator.requests.filter((r) => r.route === CALLBACK).map((r) => r.status)).toEqual([429, 204]);
    expect(h.emulator.requests.some((r) => r.route === EDIT && r.status === 200)).toBe(true);
  });
});

describe("components and forms", () => {
  it("answers a submitted form it never opened, privately, instead of leaving it to fail", async () => {
    h = await startHarness();
    const out = await h.emulator.inject.modal("feedback:form", { text: "it is down" });
    expect(out.callbackType).toBe(4);
    expect(out.ephemeral).toBe(true);
    expect(out.message?.content).toContain("no longer supported");
  });

  it("answers a select menu it does not know, privately", async () => {
    h = await startHarness();
    const status = await h.emulator.inject.command("outage", "status", { service: "github" });
    const out = await h.emulator.inject.select(status.message!.id, "old:menu", ["x"]);
    expect(out.callbackType).toBe(4);
    expect(out.ephemeral).toBe(true);
    expect(out.message?.content).toContain("no longer supported");
  });
});
