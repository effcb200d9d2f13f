import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parsePrivateAllowance } from "../../src/sources/address-rules.js";
import { getJson } from "../../src/sources/http-get-json.js";
import { createPublicFetch } from "../../src/sources/public-fetch.js";
import { type StatusPageServer, startStatusPageServer } from "../support/status-page-server.js";

// Two loopback servers: "trusted" on 127.0.0.2 stands for a page the operator allowed by range
// (STATUS_PAGES_ALLOW_PRIVATE=127.0.0.2/32), "inner" on 127.0.0.1 for what must stay unreachable.
let trusted: StatusPageServer;
let inner: StatusPageServer;
const page = { status: { indicator: "none" } };

beforeAll(async () => {
  trusted = await startStatusPageServer("127.0.0.2");
  inner = await startStatusPageServer("127.0.0.1");
  inner.route("/secret.json", { body: page });
  trusted.route("/page.json", { body: page });
});
afterAll(async () => {
  await trusted.close();
  await inner.close();
});

const get = (url: string, allow: string) =>
  getJson(url, {
    fetch: createPublicFetch({ allowance: parsePrivateAllowance(allow) }),
    now: () => 0,
    limits: { timeoutMs: 2_000 },
  });
const innerPort = () => new URL(inner.url).port;

describe("fetching only public addresses", () => {
  it("refuses a page on a loopback address by default", async () => {
    const result = await get(`${inner.url}/secret.json`, "false");
    expect(result).toMatchObject({ ok: false, error: { kind: "address" } });
    if (!result.ok) expect(result.error.reason).toContain("127.0.0.1 is a loopback address");
    expect(inner.hits("/secret.json")).toBe(0);
  });

  it("refuses a cloud metadata address without connecting", async () => {
    const result = await get("http://169.254.169.254/latest/meta-data/", "false");
    expect(result).toMatchObject({ ok: false, error: { kind: "address" } });
    if (!result.ok) expect(result.error.reason).toContain("cloud metadata");
  });

  it("refuses an IPv4-mapped IPv6 loopback", async () => {
    const result = await get(`http://[::ffff:127.0.0.1]:${innerPort()}/secret.json`, "false");
    expect(result).toMatchObject({ ok: false, error: { kind: "address" } });
  });

  it("refuses a host name that resolves to loopback, after DNS", async () => {
    const result = await get(`http://localhost:${innerPort()}/secret.json`, "false");
    expect(result).toMatchObject({ ok: false, error: { kind: "address" } });
    if (!result.ok)
      expect(result.error.reason).toMatch(/^localhost resolves to (127\.0\.0\.1|::1), which is a loopback/);
    expect(inner.hits("/secret.json")).toBe(0);
  });

  it("refuses a redirect to a loopback address from an allowed page", async () => {
    trusted.route("/to-ip.json", { redirectTo: `${inner.url}/secret.json` });
    const result = await get(`${trusted.url}/to-ip.json`, "127.0.0.2/32");
    expect(result).toMatchObject({ ok: false, error: { kind: "address" } });
    expect(trusted.hits("/to-ip.json")).toBe(1);
    expect(inner.hits("/secret.json")).toBe(0);
  });

  it("refuses a redirect to a host name that resolves to loopback", async () => {
    trusted.route("/to-name.json", { redirectTo: `http://localhost:${innerPort()}/secret.json` });
    const result = await get(`${trusted.url}/to-name.json`, "127.0.0.2/32");
    expect(result).toMatchObject({ ok: false, error: { kind: "address" } });
    if (!result.ok) expect(result.error.reason).toContain("localhost resolves to");
    expect(inner.hits("/secret.json")).toBe(0);
  });

  it("refuses a redirect to the metadata address", async () => {
    trusted.route("/to-metadata.json", { redirectTo: "http://169.254.169.254/latest/meta-data/" });
    const result = await get(`${trusted.url}/to-metadata.json`, "127.0.0.2/32");
    expect(result).toMatchObject({ ok: false, error: { kind: "address" } });
  });

  it("fetches a range the operator allows", async () => {
    expect(await get(`${trusted.url}/page.json`, "127.0.0.2/32")).toMatchObject({ ok: true, json: page });
  });

  it("fetches loopback, by address and by name, when the operator allows private addresses", async () => {
    expect(await get(`${inner.url}/secret.json`, "true")).toMatchObject({ ok: true, json: page });
    expect(await get(`http://localhost:${innerPort()}/secret.json`, "true")).toMatchObject({ ok: true, json: page });
  });
});
