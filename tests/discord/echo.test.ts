// What someone typed, repeated back in an answer, through the real discord.js client and the
// emulator: shown as typed (no markdown, spoiler or mention rendered) and cut with "…".
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness, testContext } from "./harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ ctx: testContext() });
});
afterAll(async () => h.close());

const TYPED = `||secret|| **bold** <@&123> ${"a".repeat(60)}`;

describe("echoed input", () => {
  it("shows markdown, spoilers and mentions as typed, not rendered", async () => {
    const out = await h.emulator.inject.command("outage", "status", { service: TYPED });
    expect(out.message?.content).toContain("“\\|\\|secret\\|\\| \\*\\*bold\\*\\* \\<@&123\\> aaa");
  });

  it("cuts a long name with an ellipsis", async () => {
    const out = await h.emulator.inject.command("outage", "status", { service: TYPED });
    expect(out.message?.content).toMatch(/a…”/);
    expect(out.message?.content).not.toContain("a".repeat(60));
  });

  it("pings no one it names", async () => {
    await h.emulator.inject.command("outage", "status", { service: TYPED });
    const callback = h.emulator.requests.findLast((r) => r.route === "POST /interactions/:id/:token/callback");
    const body = callback?.body as { data?: { allowed_mentions?: { parse?: unknown[] } } } | undefined;
    expect(body?.data?.allowed_mentions?.parse).toEqual([]);
  });
});
