import { pino } from "pino";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type StopStep, stopExitCode, stopWithDeadline } from "../../src/app/stop-with-deadline.js";

function recordingLogger() {
  const lines: Record<string, unknown>[] = [];
  return { lines, logger: pino({ level: "info" }, { write: (line: string) => lines.push(JSON.parse(line)) }) };
}

const never = () => new Promise<void>(() => undefined);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("stopWithDeadline", () => {
  it("runs every step in order and reports a clean stop", async () => {
    const { logger } = recordingLogger();
    const ran: string[] = [];
    const step = (name: string): StopStep => ({ name, run: async () => void ran.push(name) });
    const outcome = await stopWithDeadline([step("flush"), step("discord"), step("store")], {
      timeoutMs: 1000,
      logger,
    });
    expect(ran).toEqual(["flush", "discord", "store"]);
    expect(outcome).toEqual({ ok: true, cut: null, failed: [] });
    expect(stopExitCode(outcome)).toBe(0);
  });

  it("logs a failed step and still runs the ones after it", async () => {
    const { logger, lines } = recordingLogger();
    const ran: string[] = [];
    const outcome = await stopWithDeadline(
      [
        { name: "discord", run: () => Promise.reject(new Error("socket gone")) },
        { name: "store", run: async () => void ran.push("store") },
      ],
      { timeoutMs: 1000, logger },
    );
    expect(ran).toEqual(["store"]);
    expect(outcome).toEqual({ ok: false, cut: null, failed: ["discord"] });
    expect(lines.find((l) => l.msg === "shutdown step failed")?.step).toBe("discord");
    expect(stopExitCode(outcome)).toBe(1);
  });

  it("cuts a step that hangs at the deadline, names it and skips the rest", async () => {
    const { logger, lines } = recordingLogger();
    const ran: string[] = [];
    const stopping = stopWithDeadline(
      [
        { name: "flush", run: async () => void ran.push("flush") },
        { name: "discord gateway", run: never },
        { name: "store", run: async () => void ran.push("store") },
      ],
      { timeoutMs: 10_000, logger },
    );
    await vi.advanceTimersByTimeAsync(10_000);
    const outcome = await stopping;
    expect(outcome).toEqual({ ok: false, cut: "discord gateway", failed: [] });
    expect(ran).toEqual(["flush"]);
    const line = lines.find((l) => l.step === "discord gateway");
    expect(line?.msg).toContain('"discord gateway" did not finish');
    expect(line?.skipped).toEqual(["store"]);
  });
});
