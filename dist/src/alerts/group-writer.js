/**
 * Group commit: writes that arrive while a batch is being stored wait and go out together in the
 * next batch. Every caller still waits for its own record to be durable, but a fan-out of thousands
 * of sends costs a few dozen store writes instead of one index rewrite per send.
 */
export function createGroupWriter(writeMany, maxBatch = 500) {
    let queue = [];
    let running = false;
    const drain = async () => {
        running = true;
        while (queue.length > 0) {
            const batch = queue.slice(0, maxBatch);
            queue = queue.slice(batch.length);
            try {
                await writeMany(batch.map((b) => b.item));
                for (const b of batch)
                    b.done();
            }
            catch (error) {
                for (const b of batch)
                    b.fail(error);
            }
        }
        running = false;
    };
    return {
        write(item) {
            return new Promise((done, fail) => {
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
//# sourceMappingURL=group-writer.js.map