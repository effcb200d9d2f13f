import KeyvSqlite from "@keyv/sqlite";

/** How often the WAL is copied back into the database file. */
const CHECKPOINT_EVERY_MS = 1_000;

/** Copies the SQLite write-ahead log into the database file from a connection of its own. */
export interface SqliteCheckpointer {
  /** Stops the timer and closes the connection (the last connection to close checkpoints what is left). */
  close(): Promise<void>;
}

/**
 * Checkpoints the WAL of the file at `path` every second from a second connection, so the store's
 * own connection runs with `wal_autocheckpoint=0`. Left to SQLite, the commit that crosses 1,000 WAL
 * pages copies them into the file and syncs both (~50–100 ms here, about every 40 journalled HTTP
 * requests), and every write queued behind it on the one connection (the answers to the requests in
 * flight) waits. A PASSIVE checkpoint on another connection runs on another thread beside the
 * writer and never blocks it; commits stay as durable as before (in the WAL, synchronous=NORMAL).
 * The connection opens at the first tick: a short command (`outage-bot ask`) never opens it.
 */
export function startSqliteCheckpointer(
  path: string,
  options: { busyTimeoutMs: number; onError: (error: unknown) => void },
): SqliteCheckpointer {
  let connection: KeyvSqlite | undefined;
  let running: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    if (connection === undefined) {
      connection = new KeyvSqlite({ uri: `sqlite://${path}`, busyTimeout: options.busyTimeoutMs });
      connection.on("error", options.onError);
    }
    const open = connection;
    running = running.then(() => open.query("PRAGMA wal_checkpoint(PASSIVE)").then(() => undefined, options.onError));
  }, CHECKPOINT_EVERY_MS);
  timer.unref();
  return {
    async close() {
      clearInterval(timer);
      await running;
      await connection?.disconnect().catch(options.onError);
    },
  };
}
