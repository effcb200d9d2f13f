import pino from "pino";
import { createAggregator, createStatusBoard } from "../../src/aggregator/index.js";
import { createAlertEngine } from "../../src/alerts/alert-engine.js";
import { createCatalog } from "../../src/catalog/catalog.js";
import { createRegionDirectory } from "../../src/catalog/regions.js";
import { builtInServices } from "../../src/catalog/services-data.js";
import { createAlertThreadRepo } from "../../src/store/alert-thread-repo.js";
import { openStore } from "../../src/store/index.js";
import { createSubscriptionRepo } from "../../src/store/subscription-repo.js";
import { event, subscription, T0 } from "../../tests/alerts/fixtures.js";

const N = Number(process.argv[2] ?? 2000);
const url = process.argv[3] ?? "memory://";
const logger = pino({ level: "silent" });
const store = await openStore(url, { logger, namespace: `x${Math.random()}` });
const subs = createSubscriptionRepo(store.scope("sub"));
const threads = createAlertThreadRepo(store.scope("alert"));
const catalog = createCatalog(builtInServices);
const board = createStatusBoard({ catalog, regions: createRegionDirectory(), aggregator: createAggregator() });
let t = performance.now();
for (let i = 0; i < N; i++) await subs.upsert(subscription({ channelId: String(300000000000000000n + BigInt(i)) }));
console.log("upsert", N, (performance.now() - t).toFixed(0), "ms");
let n = 0;
const engine = createAlertEngine({
  subscriptions: subs,
  threads,
  catalog,
  board,
  now: () => T0,
  logger,
  sender: {
    post: async () => ({ ok: true, messageId: String(900000000000000000n + BigInt(n++)) }),
    edit: async (_c, m) => ({ ok: true, messageId: m }),
    notifyAdmins: async () => {},
  },
});
t = performance.now();
await engine.handle(event("opened", T0));
console.log("handle", (performance.now() - t).toFixed(0), "ms");
t = performance.now();
console.log(await engine.deliverDue());
console.log("deliver", (performance.now() - t).toFixed(0), "ms");
await store.close();
