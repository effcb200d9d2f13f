import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { Incident } from "../../src/domain/incident.js";
import { ServiceSchema } from "../../src/domain/service.js";
import { type Store, StoreError } from "../../src/store/index.js";
import { createServiceRepo } from "../../src/store/service-repo.js";
import { crowdReports } from "../scale/fixtures/reports.js";

/** How a backend under test is opened: each call opens the same data (a file, a namespace). */
export interface ContractTarget {
  open(): Promise<Store>;
  /** Whether data survives close and reopen. */
  persistent: boolean;
}

/** An incident for tests. */
export function incident(id: string, overrides: Partial<Incident> = {}): Incident {
  return {
    id,
    serviceId: "x",
    startedAt: 1_000,
    peakAt: 2_000,
    peakPerMinute: 120,
    level: "major_outage",
    currentLevel: "major_outage",
    updatedAt: 3_000,
    resolvedAt: null,
    totalReports: 5_000,
    regions: [{ region: "GB", reports: 800 }],
    problems: [{ problem: "app", reports: 300 }],
    ...overrides,
  };
}

const Counts = z.object({ counts: z.array(z.number()) });

/** The behaviour every store backend must have, written once. */
export function describeStoreContract(name: string, target: ContractTarget): void {
  describe(`store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await target.open();
    });
    afterEach(async () => {
      await store.clear().catch(() => undefined);
      await store.close();
    });

    it("records its layout version when first opened", async () => {
      expect(await store.meta.schemaVersion()).toBe(1);
    });

    it("answers a ping", async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });

    it("reads back what was written and nothing for a missing key", async () => {
      const kv = store.scope("t");
      await kv.set("a", { counts: [1, 2, 3] });
      expect(await kv.get("a", Counts)).toEqual({ counts: [1, 2, 3] });
      expect(await kv.get("missing", Counts)).toBeUndefined();
    });

    it("keeps a copy, so changing an object after writing it changes nothing stored", async () => {
      const kv = store.scope("t");
      const value = { counts: [1] };
      await kv.set("a", value);
      value.counts.push(2);
      expect(await kv.get("a", Counts)).toEqual({ counts: [1] });
    });

    it("refuses a stored value the schema rejects with a StoreError naming the key", async () => {
      const kv = store.scope("t");
      await kv.set("a", { counts: "nope" });
      const error = await kv.get("a", Counts).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreError);
      expect((error as StoreError).kind).toBe("invalid_value");
      expect((error as StoreError).message).toContain("t:a");
    });

    it("writes and reads many keys at once, in order", async () => {
      const kv = store.scope("t");
      await kv.setMany([
        { key: "a", value: 1 },
        { key: "b", value: 2 },
      ]);
      expect(await kv.getMany(["b", "zz", "a"], z.number())).toEqual([2, undefined, 1]);
    });

    it("writes a batch of thousands of keys whole, overwriting the ones already stored", async () => {
      const kv = store.scope("bulk");
      await kv.set("k0", -1);
      const keys = Array.from({ length: 5000 }, (_, i) => `k${i}`);
      await kv.setMany(keys.map((key, i) => ({ key, value: i })));
      const back = await kv.getMany([...keys].reverse(), z.number());
      expect(back).toEqual(keys.map((_, i) => i).reverse());
    });

    it("deletes one key and many keys", async () => {
      const kv = store.scope("t");
      await kv.setMany([1, 2, 3].map((n) => ({ key: `k${n}`, value: n })));
      expect(await kv.delete("k1")).toBe(true);
      await kv.deleteMany(["k2", "k3"]);
      expect(await kv.getMany(["k1", "k2", "k3"], z.number())).toEqual([undefined, undefined, undefined]);
    });

    it("keeps two scopes apart", async () => {
      await store.scope("one").set("k", 1);
      expect(await store.scope("two").get("k", z.number())).toBeUndefined();
    });

    it("forgets a key after its TTL", async () => {
      const kv = store.scope("t");
      await kv.set("short", 1, 40);
      await kv.set("long", 2, 60_000);
      // Expiry runs on the backend's clock: polled until the short one is gone.
      await vi.waitFor(async () => expect(await kv.get("short", z.number())).toBeUndefined(), {
        timeout: 5_000,
        interval: 20,
      });
      expect(await kv.get("long", z.number())).toBe(2);
    });

    it("lists index members by score, highest first, up to a limit", async () => {
      const index = store.scope("t").index("i");
      await index.add([
        { id: "a", score: 1 },
        { id: "b", score: 3 },
        { id: "c", score: 2 },
      ]);
      expect(await index.members()).toEqual(["b", "c", "a"]);
      expect(await index.members(2)).toEqual(["b", "c"]);
      expect(await index.size()).toBe(3);
    });

    it("updates a member's score instead of adding it twice, and removes members", async () => {
      const index = store.scope("t").index("i");
      await index.add([
        { id: "a", score: 1 },
        { id: "b", score: 2 },
      ]);
      await index.add([{ id: "a", score: 5 }]);
      await index.remove(["b"]);
      expect(await index.members()).toEqual(["a"]);
    });

    it("trims an index to its highest scores and says which ids went", async () => {
      const index = store.scope("t").index("i");
      await index.add([1, 2, 3, 4].map((n) => ({ id: `m${n}`, score: n })));
      expect((await index.trim(2)).sort()).toEqual(["m1", "m2"]);
      expect(await index.members()).toEqual(["m4", "m3"]);
    });

    it("loses no member when many adds run at once", async () => {
      const index = store.scope("t").index("i");
      await Promise.all(Array.from({ length: 20 }, (_, n) => index.add([{ id: `m${n}`, score: n }])));
      expect(await index.size()).toBe(20);
    });

    it("keeps one reporter salt once generated", async () => {
      const first = await store.meta.reporterSalt(() => "first-salt-0123456789");
      const second = await store.meta.reporterSalt(() => "other-salt-0123456789");
      expect(first).toBe("first-salt-0123456789");
      expect(second).toBe(first);
    });

    it("stores the command definition hash", async () => {
      expect(await store.meta.commandHash()).toBeUndefined();
      await store.meta.setCommandHash("abc");
      expect(await store.meta.commandHash()).toBe("abc");
    });

    it("lists open incidents as active, latest start first", async () => {
      await store.incidents.saveMany([incident("i1", { startedAt: 1 }), incident("i2", { startedAt: 2 })]);
      expect((await store.incidents.active()).map((i) => i.id)).toEqual(["i2", "i1"]);
      expect(await store.incidents.recent()).toEqual([]);
    });

    it("moves a resolved incident from the active list to the recent one", async () => {
      await store.incidents.save(incident("i1"));
      const resolved = incident("i1", { resolvedAt: 9_000, currentLevel: "operational" });
      await store.incidents.save(resolved);
      expect(await store.incidents.active()).toEqual([]);
      expect(await store.incidents.recent()).toEqual([resolved]);
      expect(await store.incidents.get("i1")).toEqual(resolved);
    });

    it("lists recent incidents latest resolution first, up to a limit", async () => {
      await store.incidents.saveMany([1, 3, 2].map((n) => incident(`r${n}`, { resolvedAt: n * 1_000 })));
      expect((await store.incidents.recent(2)).map((i) => i.id)).toEqual(["r3", "r2"]);
    });

    it("has no aggregator state before the first save", async () => {
      expect(await store.aggregatorState.load({ service: Counts, shared: z.number() })).toBeNull();
    });

    it("saves aggregator state incrementally: one changed service leaves the others as they were", async () => {
      const repo = store.aggregatorState;
      await repo.save({
        shared: 7,
        services: [
          ["x", { counts: [1] }],
          ["github", { counts: [2] }],
        ],
      });
      await repo.save({ services: [["x", { counts: [1, 1] }]] });
      const loaded = await repo.load({ service: Counts, shared: z.number() });
      expect(loaded?.shared).toBe(7);
      expect(Object.fromEntries(loaded?.services ?? [])).toEqual({ x: { counts: [1, 1] }, github: { counts: [2] } });
    });

    it("deletes the state of removed services", async () => {
      const repo = store.aggregatorState;
      await repo.save({
        services: [
          ["x", { counts: [1] }],
          ["gone", { counts: [2] }],
        ],
      });
      await repo.save({ services: [], removed: ["gone"] });
      const loaded = await repo.load({ service: Counts, shared: z.number() });
      expect([...(loaded?.services.keys() ?? [])]).toEqual(["x"]);
    });

    it("keeps added services in the order added, and the page each moved service moved to", async () => {
      const repo = createServiceRepo(store.scope("services"));
      const page = (url: string) => ({ kind: "atlassian" as const, url });
      const service = (id: string) =>
        ServiceSchema.parse({ id, name: id, category: "dev", statusPage: page(`https://${id}.example`) });
      await repo.add(service("zeta"), 1_000);
      await repo.add(service("alpha"), 2_000);
      expect((await repo.added()).map((s) => s.id)).toEqual(["zeta", "alpha"]);
      await repo.saveMove("zeta", { kind: "instatus", url: "https://zeta.example" }, 3_000);
      expect([...(await repo.moves())]).toEqual([["zeta", { kind: "instatus", url: "https://zeta.example" }]]);
    });

    it("refuses calls after close with a StoreError", async () => {
      const other = await target.open();
      await other.close();
      const error = await other
        .scope("t")
        .get("a", Counts)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreError);
      expect((error as StoreError).kind).toBe("closed");
    });

    it("journals report batches, reads those above a mark oldest first, and trims a range", async () => {
      const journal = store.reportJournal;
      const reports = crowdReports(3, "github", Date.UTC(2026, 10, 26, 12, 0, 0));
      await journal.append({ seq: 2, reports: reports.slice(1) });
      await journal.append({ seq: 1, reports: reports.slice(0, 1) });
      expect((await journal.after(0)).map((b) => b.seq)).toEqual([1, 2]);
      await journal.setMark(1);
      expect(await journal.mark()).toBe(1);
      expect(await journal.after(1)).toEqual([{ seq: 2, reports: reports.slice(1) }]);
      await journal.trim(0, 1);
      expect(await journal.trimmed()).toBe(1);
      expect((await journal.after(0)).map((b) => b.seq)).toEqual([2]);
    });

    it("replays batches journalled as report objects, as the journal wrote them before rows", async () => {
      const reports = crowdReports(2, "github", Date.UTC(2026, 10, 26, 12, 0, 0));
      await store.scope("journal").scope("batch").set("4", reports);
      await store.reportJournal.append({ seq: 5, reports });
      expect(await store.reportJournal.after(3)).toEqual([
        { seq: 4, reports },
        { seq: 5, reports },
      ]);
    });

    if (target.persistent)
      it("keeps the report journal and its mark across close and reopen", async () => {
        const reports = crowdReports(2, "github", Date.UTC(2026, 10, 26, 12, 0, 0));
        await store.reportJournal.append({ seq: 7, reports });
        await store.reportJournal.setMark(6);
        await store.close();
        store = await target.open();
        expect(await store.reportJournal.mark()).toBe(6);
        expect(await store.reportJournal.after(6)).toEqual([{ seq: 7, reports }]);
      });

    if (target.persistent)
      it("keeps values, indexes, salt and state across close and reopen", async () => {
        await store.scope("t").set("a", { counts: [4] });
        await store.incidents.save(incident("i1"));
        const salt = await store.meta.reporterSalt(() => "kept-salt-0123456789");
        await store.aggregatorState.save({ services: [["x", { counts: [9] }]] });
        await store.close();
        store = await target.open();
        expect(await store.scope("t").get("a", Counts)).toEqual({ counts: [4] });
        expect((await store.incidents.active()).map((i) => i.id)).toEqual(["i1"]);
        expect(await store.meta.reporterSalt(() => "new-salt-0123456789")).toBe(salt);
        const loaded = await store.aggregatorState.load({ service: Counts, shared: z.number() });
        expect(loaded?.services.get("x")).toEqual({ counts: [9] });
      });
  });
}
