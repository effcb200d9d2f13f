import { afterEach, describe, expect, it, vi } from "vitest";
import { createCommandRunner } from "../../commands/runner.js";
import { createMetrics } from "../../src/metrics/metrics.js";
import { fakeContext, invocation } from "./fakes.js";

afterEach(() => {
  vi.useRealTimers();
});

const never = () => new Promise<never>(() => undefined);

describe("the command runner", () => {
  it("gives no choices once autocomplete has run past its cap, as Discord has stopped waiting", async () => {
    vi.useFakeTimers();
    const runner = createCommandRunner({
      ctx: fakeContext(),
      autocompleteCapMs: 2_000,
      handlers: { handleCommand: never, handleButton: never, handleAutocomplete: never },
    });
    let choices: unknown = null;
    void runner.autocomplete(invocation("status", { service: "gi" }), "service").then((c) => {
      choices = c;
    });
    await vi.advanceTimersByTimeAsync(1_999);
    expect(choices).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(choices).toEqual([]);
  });

  it("turns a throwing handler into the one apology, counted as an error on its transport", async () => {
    const metrics = createMetrics();
    const ctx = fakeContext();
    const runner = createCommandRunner({
      ctx,
      metrics,
      handlers: {
        handleCommand: async () => {
          throw new Error("board on fire");
        },
        handleButton: never,
        handleAutocomplete: never,
      },
    });
    const answer = await runner.command(invocation("status"), "http");
    expect(answer).toMatchObject({ name: "status", outcome: "error", reply: { ephemeral: true } });
    expect(answer.reply.content).toMatch(/error id `[0-9a-f]{8}`/);
    expect(ctx.logged).toEqual([
      expect.objectContaining({ err: expect.objectContaining({ message: "board on fire" }) }),
    ]);
    expect(await metrics.registry.metrics()).toContain(
      'outagebot_commands_total{name="status",transport="http",outcome="error"} 1',
    );
  });

  it("counts a person's mistake as a user error, not a failure", async () => {
    const metrics = createMetrics();
    const runner = createCommandRunner({ ctx: fakeContext(), metrics });
    const answer = await runner.command(invocation("status", { service: "no-such-service-at-all" }), "console");
    expect(answer.outcome).toBe("user_error");
    expect(await metrics.registry.metrics()).toContain(
      'outagebot_commands_total{name="status",transport="console",outcome="user_error"} 1',
    );
  });

  it("reads whether an answer is private from the subcommand's definition", () => {
    const runner = createCommandRunner({ ctx: fakeContext() });
    expect(runner.ephemeral(invocation("report"))).toBe(true);
    expect(runner.ephemeral(invocation("status"))).toBe(false);
    expect(runner.ephemeral({ ...invocation("list"), command: "outage-alerts" })).toBe(true);
  });
});
