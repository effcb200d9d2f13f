import { type AddressInfo, createConnection, createServer, type Socket } from "node:net";
import { pino } from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { openStore, StoreError } from "../../src/store/index.js";
import { shouldRunRedisTests } from "./redis-available.js";
import { describeStoreContract } from "./store-contract.js";

const logger = pino({ level: "silent" });
const namespace = `outage-test-${process.pid}-${Date.now().toString(36)}`;

const runRedis = await shouldRunRedisTests();

afterAll(async () => {
  if (!runRedis) return;
  const store = await openStore("redis://127.0.0.1:6379", { logger, namespace });
  await store.clear();
  await store.close();
});

describe.runIf(runRedis)("Redis", () => {
  describeStoreContract("Redis", {
    open: () => openStore("redis://127.0.0.1:6379", { logger, namespace }),
    persistent: true,
  });
});

describe("Redis unreachable", () => {
  it("fails to open in time with an error naming the server, instead of hanging", async () => {
    const error = await openStore("redis://127.0.0.1:1", { logger, namespace, timeoutMs: 2_000 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).kind).toBe("unreachable");
    expect((error as StoreError).message).toContain("cannot reach Redis at redis://127.0.0.1:1");
  });

  it("does not show the password in the error", async () => {
    const error = await openStore("redis://user:hunter2-secret@127.0.0.1:1", { logger, namespace }).catch(
      (e: unknown) => e,
    );
    expect((error as StoreError).message).not.toContain("hunter2-secret");
  });
});

/** A TCP server on loopback; `pipe` forwards to the real Redis, otherwise it accepts and never answers. */
async function tcpServer(pipe: boolean): Promise<{ url: string; cut(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on("error", () => undefined);
    if (!pipe) return;
    const upstream = createConnection({ host: "127.0.0.1", port: 6379 });
    sockets.add(upstream);
    upstream.on("error", () => socket.destroy());
    socket.pipe(upstream).pipe(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `redis://127.0.0.1:${port}`,
    cut: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe("Redis that stops answering", () => {
  it("fails to open with a timeout when the server accepts but never answers", async () => {
    const silent = await tcpServer(false);
    const error = await openStore(silent.url, { logger, namespace, timeoutMs: 300 }).catch((e: unknown) => e);
    await silent.cut();
    expect(error).toBeInstanceOf(StoreError);
    expect(["timeout", "unreachable"]).toContain((error as StoreError).kind);
  });

  it.runIf(runRedis)("fails a call with a StoreError when the connection drops after opening", async () => {
    const proxy = await tcpServer(true);
    const store = await openStore(proxy.url, { logger, namespace, timeoutMs: 500 });
    await store.scope("t").set("a", 1);
    await proxy.cut();
    const error = await store
      .scope("t")
      .set("b", 2)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    await store.close().catch(() => undefined);
  });
});
