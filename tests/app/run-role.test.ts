import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { type Role, runRole } from "../../src/app/run-role.js";
import { loadConfig } from "../../src/config.js";

function recordingLogger() {
  const lines: Record<string, unknown>[] = [];
  return { lines, logger: pino({ level: "info" }, { write: (line: string) => lines.push(JSON.parse(line)) }) };
}

/** A role frame whose stop signal has already fired: the body's wait ends at once. */
function frame() {
  const stop = new AbortController();
  stop.abort();
  const { lines, logger } = recordingLogger();
  return { lines, frame: { config: loadConfig({}), logger, now: () => 0, stop: stop.signal } };
}

describe("runRole", () => {
  it("stops the parts in the reverse order they started, once the role is to stop", async () => {
    const stopped: string[] = [];
    const { frame: f } = frame();
    const code = await runRole(f, async (role) => {
      for (const part of ["store", "http server", "discord gateway"]) {
        role.stops.add(part, async () => void stopped.push(part));
      }
      await role.untilStopped();
    });
    expect(stopped).toEqual(["discord gateway", "http server", "store"]);
    expect(code).toBe(0);
  });

  it("stops the parts a failed start had started, then rethrows its error", async () => {
    const stopped: string[] = [];
    const { frame: f } = frame();
    const run = runRole(f, async (role) => {
      role.stops.add("store", async () => void stopped.push("store"));
      throw new Error("the gateway could not log in");
    });
    await expect(run).rejects.toThrow("the gateway could not log in");
    expect(stopped).toEqual(["store"]);
  });

  it("exits 1 and logs the stop as not ok when a stop step fails", async () => {
    const { frame: f, lines } = frame();
    const code = await runRole(f, async (role: Role) => {
      role.stops.add("store", async () => {
        throw new Error("disk full");
      });
    });
    expect(code).toBe(1);
    expect(lines.find((l) => l.msg === "stopped")).toMatchObject({ ok: false });
  });

  it("makes the process metrics once, however often they are asked for", async () => {
    const { frame: f } = frame();
    await runRole(f, async (role) => {
      expect(role.metrics()).toBe(role.metrics());
      expect(await role.metrics().registry.metrics()).toContain("outagebot_process_cpu_seconds_total");
    });
  });
});
