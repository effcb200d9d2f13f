import { describe, expect, it } from "vitest";
import { createGroupWriter } from "../../src/alerts/group-writer.js";
import { createPacer } from "../../src/discord/global-pacer.js";

/** A pacer on a fake clock; returns the times each take resolved at. */
function fakeClock() {
  let t = 0;
  return {
    now: () => t,
    wait: async (ms: number) => {
      t += ms;
    },
    jump: (ms: number) => {
      t += ms;
    },
  };
}

const mostInAnyWindow = (times: number[], windowMs: number) =>
  Math.max(...times.map((start) => times.filter((x) => x >= start && x < start + windowMs).length));

describe("global pacer", () => {
  it("spaces requests evenly at the given rate", async () => {
    const clock = fakeClock();
    const pacer = createPacer(10, { cap: 10, now: clock.now, wait: clock.wait });
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      await pacer.take();
      times.push(clock.now());
    }
    const gaps = times.slice(1).map((x, i) => x - times[i]!);
    expect(Math.min(...gaps)).toBeCloseTo(100);
    expect(times.at(-1)).toBeCloseTo(2900);
  });

  it("catches up after a stall without ever exceeding the cap in any window", async () => {
    const clock = fakeClock();
    const pacer = createPacer(9.9, { cap: 10, now: clock.now, wait: clock.wait });
    const times: number[] = [];
    for (let i = 0; i < 100; i++) {
      if (i % 17 === 0) clock.jump(90);
      await pacer.take();
      times.push(clock.now());
    }
    expect(mostInAnyWindow(times, 1000)).toBeLessThanOrEqual(10);
  });

  it("serves concurrent takers one at a time, in order", async () => {
    const clock = fakeClock();
    const pacer = createPacer(5, { now: clock.now, wait: clock.wait });
    const order: number[] = [];
    await Promise.all([0, 1, 2, 3].map((i) => pacer.take().then(() => order.push(i))));
    expect(order).toEqual([0, 1, 2, 3]);
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
