import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { openStore } from "../../src/store/index.js";

const dir = mkdtempSync(join(tmpdir(), "outage-checkpoint-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("SQLite write-ahead log", () => {
  it("is copied into the database file while the store stays open, by the checkpointer beside the writer", async () => {
    const path = join(dir, "wal.sqlite");
    const store = await openStore(`sqlite://${path}`, { logger: pino({ level: "silent" }) });
    const scope = store.scope("big");
    try {
      // ~4 MB of writes: the store's own connection never checkpoints (wal_autocheckpoint=0), so
      // only the checkpointer's connection can bring these pages into the main file.
      const value = "x".repeat(100_000);
      for (let i = 0; i < 40; i++) await scope.set(String(i), value);
      await expect
        .poll(() => statSync(path).size, { timeout: 15_000, interval: 100 })
        .toBeGreaterThan(40 * value.length);
      // Everything written is still read back whole.
      expect(await scope.get("39", z.string())).toBe(value);
    } finally {
      await store.close();
    }
  });
});
