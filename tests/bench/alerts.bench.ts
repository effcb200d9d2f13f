import { pino } from "pino";
import { bench, describe } from "vitest";
import { createAggregator, createStatusBoard } from "../../src/aggregator/index.js";
import { createAlertEngine } from "../../src/alerts/alert-engine.js";
import { DEFAULT_ALERT_RULES } from "../../src/alerts/alert-rules.js";
import type { AlertSender } from "../../src/alerts/alert-sender.js";
import { composeAlert } from "../../src/alerts/compose-alert.js";
import { planThread } from "../../src/alerts/plan-thread.js";
import { createAlertRepos } from "../../src/app/alert-wiring.js";
import { createCatalog } from "../../src/catalog/catalog.js";
import { createRegionDirectory } from "../../src/catalog/regions.js";
import { builtInServices } from "../../src/catalog/services-data.js";
import { openStore } from "../../src/store/index.js";
import { event, subscription, T0 } from "../alerts/fixtures.js";

// The engine's own cost per alert, Discord left out (an instant sender): one incident to 1,000
// channels, recorded and delivered through the memory store. Baseline: composing and "sending"
// the same 1,000 messages with no engine, store or delivery record.
// The fan-out through discord.js and the emulator is tests/bench/alerts-fanout.ts.
const N = 1000;
const logger = pino({ level: "silent" });
const catalog = createCatalog(builtInServices);
const board = createStatusBoard({ catalog, regions: createRegionDirectory(), aggregator: createAggregator() });
const service = catalog.get("github")!;
const subs = Array.from({ length: N }, (_, i) => subscription({ channelId: String(300000000000000000n + BigInt(i)) }));
const opened = event("opened", T0);
let serial = 0;
const instant: AlertSender = {
  post: async () => ({ ok: true, messageId: String(900000000000000000n + BigInt(serial++)) }),
  edit: async (_channelId, messageId) => ({ ok: true, messageId }),
  notifyAdmins: async () => {},
};

describe(`one incident to ${N} channels, Discord left out`, () => {
  bench(
    "baseline: compose + send each message, no engine or store",
    async () => {
      const status = await board.status("github", T0);
      for (const sub of subs) {
        const plan = planThread(undefined, opened, sub, T0, DEFAULT_ALERT_RULES);
        if (plan.thread) await instant.post(sub.channelId, composeAlert(plan.thread, service, status), "n");
      }
    },
    { iterations: 5, warmupIterations: 1 },
  );

  bench(
    "engine: handle (records) + deliverDue (record before and after each send), memory store",
    async () => {
      const store = await openStore("memory://", { logger, namespace: `bench-${serial}` });
      const repos = createAlertRepos(store);
      await repos.subscriptions.upsertMany(subs);
      const engine = createAlertEngine({ ...repos, catalog, board, sender: instant, now: () => T0, logger });
      await engine.handle(opened);
      await engine.deliverDue();
      await store.close();
    },
    { iterations: 5, warmupIterations: 1 },
  );
});
