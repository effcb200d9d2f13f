import { Events } from "discord.js";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type Harness, startHarness } from "./harness.js";

let h: Harness | undefined;
afterEach(async () => {
  expect(h?.emulator.violations).toEqual([]);
  await h?.close();
  h = undefined;
});

describe("gateway connection dropped mid-session", () => {
  it("resumes the session and keeps answering commands", async () => {
    h = await startHarness();
    await h.emulator.inject.command("outage", "services", {});
    // The client says when it has resumed: wait for that, however long a loaded machine takes.
    const resumed = new Promise((resolve) => h!.bot.client.once(Events.ShardResume, resolve));
    h.emulator.dropConnection();
    await resumed;
    expect(h.emulator.gatewayStats.resumes).toBe(1);
    const out = await h.emulator.inject.command("outage", "status", { service: "github" });
    expect(out.callbackType).toBe(4);
    expect(h.emulator.gatewayStats.identifies).toBe(1);
  });

  it("replays an interaction sent while disconnected, so none is missed", async () => {
    h = await startHarness();
    h.emulator.dropConnection();
    // Dispatched while no socket is open: only the RESUME replay can deliver it.
    const out = await h.emulator.inject.command("outage", "status", { service: "github" });
    expect(out.callbackType).toBe(4);
    expect(h.emulator.gatewayStats).toMatchObject({ identifies: 1, resumes: 1 });
    expect(h.logs.some((l) => l.msg === "gateway resumed")).toBe(true);
  });

  it("acknowledges heartbeats, so the client keeps its connection", async () => {
    h = await startHarness({ emulator: { heartbeatIntervalMs: 25 } });
    // Polled until five have been acknowledged; the cap is the test's, not a guess at the machine's speed.
    await vi.waitFor(() => expect(h!.emulator.gatewayStats.heartbeats).toBeGreaterThanOrEqual(5), {
      timeout: 15_000,
      interval: 10,
    });
    expect(h.emulator.gatewayStats).toMatchObject({ identifies: 1, resumes: 0 });
    expect((await h.emulator.inject.command("outage", "services", {})).callbackType).toBe(4);
  });
});
