import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { afterAll, beforeAll, bench, describe } from "vitest";
import { createAggregatorSaver, loadAggregator } from "../../src/app/aggregator-persistence.js";
import { openStore, type Store } from "../../src/store/index.js";
import { buildLoad } from "./aggregator-fixtures.js";

// 24 h of 1,000 services × 100 regions, saved and loaded through each store backend.
// Baseline: the memory store (same serialisation, no engine).
const logger = pino({ level: "silent" });
const dir = mkdtempSync(join(tmpdir(), "outage-store-bench-"));
const namespace = `outage-bench-${process.pid}`;
const { aggregator } = buildLoad(2);
const TARGETS = {
  memory: "memory://",
  sqlite: `sqlite://${join(dir, "bench.sqlite")}`,
  redis: "redis://127.0.0.1:6379",
} as const;
const stores = new Map<string, Store>();

beforeAll(async () => {
  for (const [name, url] of Object.entries(TARGETS)) {
    const store = await openStore(url, { logger, namespace, timeoutMs: 120_000 });
    await createAggregatorSaver(store, aggregator, { logger }).save();
    stores.set(name, store);
  }
});
afterAll(async () => {
  for (const store of stores.values()) {
    await store.clear();
    await store.close();
  }
  rmSync(dir, { recursive: true, force: true });
});

for (const name of Object.keys(TARGETS)) {
  describe(`store ${name}: 1,000 services × 100 regions`, () => {
    bench(
      "full save (every service)",
      async () => {
        await createAggregatorSaver(stores.get(name)!, aggregator, { logger }).save();
      },
      { iterations: 3, time: 0, warmupIterations: 0 },
    );
    bench(
      "load back and restore the aggregator",
      async () => {
        await loadAggregator(stores.get(name)!);
      },
      { iterations: 3, time: 0, warmupIterations: 0 },
    );
  });
}
