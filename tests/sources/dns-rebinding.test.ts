import type { LookupAddress } from "node:dns";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPublicFetch } from "../../src/sources/public-fetch.js";
import { type StatusPageServer, startStatusPageServer } from "../support/status-page-server.js";

// A name that first resolves to an allowed address and then, for the next connection, to loopback:
// DNS rebinding. The address the agent checks is the one it connects to, so the switch is refused.
let allowed: StatusPageServer;
let inner: StatusPageServer;

beforeAll(async () => {
  allowed = await startStatusPageServer("127.0.0.2");
  inner = await startStatusPageServer("127.0.0.1", Number(new URL(allowed.url).port));
  allowed.route("/page.json", { body: { ok: true } });
  inner.route("/page.json", { body: { secret: true } });
});
afterAll(async () => {
  await allowed.close();
  await inner.close();
});

describe("DNS rebinding", () => {
  it("checks the address of every new connection, so a name that turns to loopback is refused", async () => {
    const answers = ["127.0.0.2", "127.0.0.1"];
    const resolved: string[] = [];
    const fetch = createPublicFetch({
      allowance: { kind: "ranges", ranges: ["127.0.0.2/32"] },
      resolve: (_host, callback) => {
        const address = answers.shift() ?? "127.0.0.1";
        resolved.push(address);
        callback(null, [{ address, family: 4 } satisfies LookupAddress]);
      },
    });
    const url = `http://rebind.test:${new URL(allowed.url).port}/page.json`;
    // `connection: close` so the second request needs a new connection, and a new lookup.
    const first = await fetch(url, { headers: { connection: "close" } });
    expect(await first.json()).toEqual({ ok: true });
    await expect(fetch(url, { headers: { connection: "close" } })).rejects.toMatchObject({
      code: "ERR_ADDRESS_REFUSED",
      message: expect.stringContaining("rebind.test resolves to 127.0.0.1, which is a loopback address"),
    });
    expect(resolved).toEqual(["127.0.0.2", "127.0.0.1"]);
    expect(inner.hits("/page.json")).toBe(0);
  });
});
