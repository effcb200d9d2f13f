import { afterEach, describe, expect, it } from "vitest";
import * as commands from "../../commands/index.js";
import { slow, withCommand } from "./handlers.js";
import { type Harness, startHarness } from "./harness.js";

const CALLBACK = "POST /interactions/:id/:token/callback";
let h: Harness | undefined;
/** Violations a test provokes on purpose; every other test must leave none. */
let expectedProblems: string[] = [];
afterEach(async () => {
  expect(h?.emulator.violations.map((v) => v.problem) ?? []).toEqual(expectedProblems);
  expectedProblems = [];
  await h?.close();
  h = undefined;
});

describe("answers that go wrong", () => {
  it("answers a handler that throws with a private apology", async () => {
    h = await startHarness({
      handlers: withCommand(async () => {
        throw new Error("database on fire");
      }),
    });
    const out = await h.emulator.inject.command("outage", "status", { service: "github" });
    expect(out.callbackType).toBe(4);
    expect(out.ephemeral).toBe(true);
    expect(out.message?.content).toMatch(/error id `[0-9a-f]{8}`/);
    expect(h.logs.some((l) => l.msg === "command handler failed")).toBe(true);
    expect(h.emulator.violations).toEqual([]);
  });

  it("retries a callback answered with 429 and gets through", async () => {
    h = await startHarness();
    h.emulator.failNext(CALLBACK, "429", 1);
    const out = await h.emulator.inject.command("outage", "status", { service: "github" });
    expect(out.callbackType).toBe(4);
    const statuses = h.emulator.requests.filter((r) => r.route === CALLBACK).map((r) => r.status);
    expect(statuses).toEqual([429, 204]);
    expect(h.emulator.violations).toEqual([]);
  });

  it("retries a callback answered with 500 and gets through", async () => {
    h = await startHarness();
    h.emulator.failNext(CALLBACK, "500", 1);
    const out = await h.emulator.inject.command("outage", "services", {});
    expect(out.callbackType).toBe(4);
    expect(h.emulator.requests.filter((r) => r.route === CALLBACK).map((r) => r.status)).toEqual([500, 204]);
  });

  it("defers a slow answer and edits it in", async () => {
    h = await startHarness({ deferAfterMs: 50, handlers: withCommand(slow(250, { content: "finally" })) });
    const out = await h.emulator.inject.command("outage", "status", { service: "github" });
    expect(out.callbackType).toBe(5);
    expect(out.ephemeral).toBe(false);
    expect(out.message?.content).toBe("finally");
    expect(out.message?.flags).toBe(0);
    expect(h.emulator.violations).toEqual([]);
  });

  it("defers a slow report privately, as its answer will be", async () => {
    h = await startHarness({
      deferAfterMs: 50,
      handlers: withCommand(slow(250, { content: "counted", ephemeral: true })),
    });
    const out = await h.emulator.inject.command("outage", "report", { service: "github" });
    expect(out.callbackType).toBe(5);
    expect(out.ephemeral).toBe(true);
    expect(out.message?.content).toBe("counted");
  });

  it("answers privately when a deferred public answer turns out to be an error", async () => {
    h = await startHarness({
      deferAfterMs: 50,
      handlers: withCommand(slow(250, { content: "no such service", ephemeral: true })),
    });
    const out = await h.emulator.inject.command("outage", "status", { service: "nope" });
    await expect.poll(() => out.followups.length).toBe(1);
    expect(out.followups[0]).toMatchObject({ content: "no such service", flags: 64 });
    expect(h.emulator.violations).toEqual([]);
  });

  it("sends a valid, cut reply when the handler's reply is over Discord's limits", async () => {
    const field = { name: "n".repeat(300), value: "line\n".repeat(400) };
    h = await startHarness({
      handlers: withCommand(async () => ({
        content: "word ".repeat(1000),
        embeds: [{ title: "t".repeat(400), description: "d\n".repeat(3000), fields: Array(40).fill(field) }],
      })),
    });
    const out = await h.emulator.inject.command("outage", "status", {});
    expect(out.callbackType).toBe(4);
    expect(h.emulator.violations).toEqual([]);
    const embed = out.message?.embeds[0] as { title: string; fields: unknown[] };
    expect(out.message!.content.length).toBeLessThanOrEqual(2000);
    expect(embed.title.length).toBeLessThanOrEqual(256);
    expect(embed.fields.length).toBeLessThanOrEqual(25);
    expect(JSON.stringify(out.message?.embeds)).toContain("more");
  });

  it("still answers, with an apology, when Discord refuses the reply", async () => {
    h = await startHarness({
      handlers: withCommand(async () => ({
        content: "two buttons, one id",
        buttons: [
          [
            { label: "A", style: "primary", customId: "outage:x:1" },
            { label: "B", style: "primary", customId: "outage:x:1" },
          ],
        ],
      })),
    });
    const out = await h.emulator.inject.command("outage", "status", {});
    expect(out.ephemeral).toBe(true);
    expect(out.message?.content).toMatch(/error id/);
    expectedProblems = ["duplicate custom_id in one message"];
  });

  it("answers autocomplete with no choices rather than too late", async () => {
    h = await startHarness({
      deferAfterMs: 50,
      handlers: { ...commands, handleAutocomplete: () => new Promise((r) => setTimeout(() => r([]), 1000)) },
    });
    const out = await h.emulator.inject.autocomplete("outage", "status", { service: "git" }, "service");
    expect(out.callbackType).toBe(8);
    expect(out.choices).toEqual([]);
  });

  it("reports Unknown interaction when the first answer comes after Discord's window", async () => {
    h = await startHarness({
      emulator: { interactionWindowMs: 30, answerTimeoutMs: 500 },
      deferAfterMs: 1000,
      handlers: withCommand(slow(100, { content: "late" })),
    });
    const pending = h.emulator.inject.command("outage", "status", {});
    const rejected = expect(pending).rejects.toThrow(/not answered/);
    await expect.poll(() => h!.logs.some((l) => l.msg === "could not send the answer"), { timeout: 3000 }).toBe(true);
    const err = h.logs.find((l) => l.msg === "could not send the answer")!.err as { message: string };
    expect(err.message).toBe("Unknown interaction");
    await rejected;
  });
});
