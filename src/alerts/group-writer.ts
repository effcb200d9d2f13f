/** Writes records one by one from the caller's side, many at once on the store's side. */
export interface GroupWriter<T> {
  /** Resolves once `item` is stored (with whatever else was waiting), rejects if that write failed. */
  write(item: T): Promise<void>;
}

/**
 * Group commit: writes that arrive while a batch is being stored wait and go out together in the
 * next batch. Every caller still waits for its own record to be durable, but a fan-out of thousands
 * of sends costs a few dozen store writes instead of one index rewrite per send.
 */
export function createGroupWriter<T>(
  writeMany: (items: readonly T[]) => Promise<void>,
  maxBatch = 500,
): GroupWriter<T> {
  let queue: { item: T; done: () => void; fail: (error: unknown) => void }[] = [];
  let running = false;

  const drain = async () => {
    running = true;
    while (queue.length > 0) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(batch.length);
      try {
        await writeMany(batch.map((b) => b.item));
        for (const b of batch) b.done();
      } catch (error) {
        for (const b of batch) b.fail(error);
      }
    }
    running = false;
  };

  return {
    write(item) {
      return new Promise<void>((done, fail) => {
        queue.push({ item, done, fail });
        // Let the writes of this tick gather before the first batch goes out.
        if (!running) {
          running = true;
          queueMicrotask(() => void drain());
        }
      });
    },
  };
}
