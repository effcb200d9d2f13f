import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createGroupWriter } from "../../src/alerts/group-writer.js";
import { createPacer } from "../../src/discord/global-pacer.js";

/** When each request was handed to the network and when its answer came back. */
interface Trace {
  sentAt: number;
  settledAt: number;
}

/**
 * Sends `latencies.length` requests through a pacer on fake timers, all queued at once; request i
 * takes `latencies[i]` ms to answer, and `stallAt` pauses the clock before the given requests.
 */
async function paced(perSecond: number, cap: number, latencies: number[], stallAt = new Map<number, number>()) {
  const pacer = createPacer(perSecond, {
    cap,
    now: () => Date.now(),
    wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  });
  const traces: Trace[] = [];
  const done = Promise.all(
    latencies.map((latency, i) =>
      pacer.run(async () => {
        const stall = stallAt.get(i);
        if (stall) vi.advanceTimersByTime(stall);
        const trace = { sentAt: Date.now(), settledAt: Number.NaN };
        traces[i] = trace;
        await new Promise((resolve) => setTimeout(resolve, latency));
        trace.settledAt = Date.now();
      }),
    ),
  );
  await vi.runAllTimersAsync();
  await done;
  return traces;
}

/**
 * Whether cap + 1 requests could arrive within one window, each arriving at any moment between
 * its send and its answer: true when request i + cap went before request i's answer + window.
 */
function couldOverfill(traces: Trace[], cap: number, windowMs: number) {
  return traces.some((t, i) => i >= cap && t.sentAt < traces[i - cap]!.settledAt + windowMs);
}

describe("global pacer", () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("spaces requests evenly at the given rate", async () => {
    const traces = await paced(10, 10, Array(10).fill(0));
    const gaps = traces.slice(1).map((t, i) => t.sentAt - traces[i]!.sentAt);
    expect(gaps).toEqual(Array(9).fill(100));
  });

  it("holds the request one cap later until a full window after a slow answer", async () => {
    const traces = await paced(10, 10, [250, ...Array(10).fill(0)]);
    expect(traces[10]!.sentAt).toBe(traces[0]!.settledAt + 1000);
  });

  it("costs one round trip per window when every answer takes the same time", async () => {
    const traces = await paced(10, 10, Array(30).fill(5));
    expect(traces[29]!.sentAt).toBe(2900 + 2 * 5);
  });

  it("never lets more than the cap arrive within one window, whatever the latencies and stalls", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 60 }),
        fc.array(fc.tuple(fc.nat(59), fc.integer({ min: 1, max: 300 })), { maxLength: 5 }),
        async (latencies, stalls) => {
          const traces = await paced(9.5, 10, latencies, new Map(stalls));
          expect(couldOverfill(traces, 10, 1000)).toBe(false);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("serves concurrent takers one at a time, in order", async () => {
    const traces = await paced(5, 5, [30, 0, 10, 0]);
    const order = traces.map((t, i) => [t.sentAt, i]).sort((a, b) => a[0]! - b[0]!);
    expect(order.map(([, i]) => i)).toEqual([0, 1, 2, 3]);
  });
});

describe("group writer", () => {
  it("writes the records that arrive while a batch is stored together in the next batch", async () => {
    const batches: number[][] = [];
    let release: () => void = () => {};
    const writer = createGroupWriter<number>(async (items) => {
      batches.push([...items]);
      if (batches.length === 1) await new Promise<void>((r) => (release = r));
    });
    const first = writer.write(1);
    await Promise.resolve();
    const rest = [2, 3, 4].map((n) => writer.write(n));
    release();
    await Promise.all([first, ...rest]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it("rejects the writers of a failed batch and keeps going", async () => {
    let calls = 0;
    const writer = createGroupWriter<number>(async () => {
      calls++;
      if (calls === 1) throw new Error("disk full");
    });
    await expect(writer.write(1)).rejects.toThrow("disk full");
    await expect(writer.write(2)).resolves.toBeUndefined();
  });
});
