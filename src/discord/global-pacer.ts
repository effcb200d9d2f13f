import { setTimeout as sleep } from "node:timers/promises";

/** Spaces requests so that no one-second window holds more than the limit, however it is aligned. */
export interface Pacer {
  /** Resolves when the next request may go. */
  take(): Promise<void>;
}

/** Options of createPacer. */
export interface PacerOptions {
  /** Most requests in any window (the hard limit; default floor(perSecond)). */
  cap?: number;
  windowMs?: number;
  /** The window the cap counts over: a little longer than the limit's window absorbs network jitter. */
  capWindowMs?: number;
  now?: () => number;
  wait?: (ms: number) => Promise<unknown>;
}

/**
 * Even spacing at `perSecond` on a fixed schedule, capped by a sliding window: at most `cap`
 * requests in any `windowMs`. Why both: discord.js's own global limiter counts
 * fixed windows that start when *it* sends, Discord's start when requests *arrive*, so bursts
 * spill over into the next window as 429s; even spacing avoids bursts, and the sliding cap stops
 * the catch-up burst after an event-loop stall from overfilling a window. With the schedule a
 * little under the cap, the cap only binds while catching up, and the slack absorbs jitter.
 */
export function createPacer(perSecond: number, options: PacerOptions = {}): Pacer {
  const windowMs = options.windowMs ?? 1000;
  const now = options.now ?? (() => performance.now());
  const wait = options.wait ?? sleep;
  const cap = Math.max(1, Math.floor(options.cap ?? (perSecond * windowMs) / 1000));
  const capWindowMs = options.capWindowMs ?? windowMs;
  const gapMs = windowMs / perSecond;
  const sent: number[] = [];
  let next = 0;
  let tail: Promise<void> = Promise.resolve();

  const turn = async () => {
    for (;;) {
      const t = now();
      const oldest = sent.length >= cap ? sent[sent.length - cap]! : Number.NEGATIVE_INFINITY;
      const at = Math.max(next, oldest + capWindowMs);
      if (at <= t) break;
      await wait(at - t);
    }
    const t = now();
    // Late timers are caught up (the schedule is absolute) for up to a tenth of the window, so the
    // rate does not drift down; after a longer pause the schedule starts afresh.
    next = Math.max(next, t - windowMs / 10) + gapMs;
    sent.push(t);
    if (sent.length > 2 * cap) sent.splice(0, sent.length - cap);
  };

  return {
    take() {
      // One taker at a time, in arrival order.
      tail = tail.then(turn);
      return tail;
    },
  };
}
