import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptyPollRecord, type PollRecord } from "../../src/sources/poll-record.js";
import { openStore, type Store } from "../../src/store/index.js";
import { createOfficialStatusRepo, type OfficialStatusRepo } from "../../src/store/official-status-repo.js";

const quiet = { level: "silent" } as const;
let store: Store;
let repo: OfficialStatusRepo;

beforeAll(async () => {
  const { pino } = await import("pino");
  store = await openStore("memory://", { logger: pino(quiet), namespace: `official-test-${process.pid}` });
  repo = createOfficialStatusRepo(store.scope("official"));
});
afterAll(() => store.close());

describe("OfficialStatusRepo", () => {
  it("keeps a poll record and gives it back", async () => {
    const record: PollRecord = {
      ...emptyPollRecord("github", 1_000),
      snapshot: { indicator: "none", description: "ok", pageUrl: null, components: [], incidents: [], maintenance: [] },
      lastGoodAt: 900,
      etag: '"x"',
    };
    await repo.save(record);
    expect(await repo.get("github")).toEqual(record);
  });

  it("gives records back in the order asked, undefined where none is kept", async () => {
    await repo.save(emptyPollRecord("a", 1));
    expect((await repo.getMany(["missing", "a"])).map((r) => r?.serviceId)).toEqual([undefined, "a"]);
  });

  it("skips a record it cannot read instead of failing", async () => {
    await store.scope("official").set("broken", { serviceId: "broken", failures: "many" });
    expect(await repo.get("broken")).toBeUndefined();
  });
});
