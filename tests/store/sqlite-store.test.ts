import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { openStore, StoreError } from "../../src/store/index.js";
import { describeStoreContract } from "./store-contract.js";

const dir = mkdtempSync(join(tmpdir(), "outage-store-"));
const logger = pino({ level: "silent" });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeStoreContract("SQLite file", {
  open: () => openStore(`sqlite://${join(dir, "contract.sqlite")}`, { logger }),
  persistent: true,
});

describe("SQLite store files", () => {
  it("creates the folder and the file on first start", async () => {
    const path = join(dir, "nested", "deeper", "outage.sqlite");
    const store = await openStore(`sqlite://${path}`, { logger });
    await store.scope("t").set("a", 1);
    await store.close();
    const again = await openStore(`sqlite://${path}`, { logger });
    expect(await again.scope("t").get("a", z.number())).toBe(1);
    await again.close();
  });

  it("refuses a file of garbage bytes with a clear error instead of starting fresh", async () => {
    const path = join(dir, "garbage.sqlite");
    writeFileSync(path, Buffer.from("these bytes are not a SQLite database ".repeat(200)));
    const error = await openStore(`sqlite://${path}`, { logger }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).kind).toBe("corrupt");
    expect((error as StoreError).message).toContain(
      `SQLite file ${path} is not a SQLite database (or is damaged): move it away or point STORE_URL elsewhere`,
    );
  });

  it("refuses a directory where the file should be", async () => {
    const error = await openStore(`sqlite://${dir}`, { logger }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).kind).toBe("unreadable");
  });

  it("refuses a store written by a newer layout", async () => {
    const path = join(dir, "newer.sqlite");
    const store = await openStore(`sqlite://${path}`, { logger });
    await store.meta.setSchemaVersion(99);
    await store.close();
    const error = await openStore(`sqlite://${path}`, { logger }).catch((e: unknown) => e);
    expect((error as StoreError).kind).toBe("newer_schema");
  });
});
