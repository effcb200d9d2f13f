import { afterEach, describe, expect, it } from "vitest";
import type { CommandHandlers } from "../../src/http/index.js";
import { NOW } from "./fake-context.js";
import { ed25519Keys, post, readJson, signBody, signed, startServer } from "./harness.js";

type Started = Awaited<ReturnType<typeof startServer>>;
let started: Started | undefined;
afterEach(async () => {
  await started?.close();
  started = undefined;
});

const nowS = String(Math.floor(NOW / 1000));

const PING = { id: "1", application_id: "2", type: 1, token: "t", version: 1 };

const command = (sub: string, options: unknown[] = []) => ({
  id: "3",
  application_id: "2",
  type: 2,
  token: "t",
  version: 1,
  data: { id: "4", name: "outage", type: 1, options: [{ name: sub, type: 1, options }] },
  guild_id: "100000000000000001",
  channel_id: "100000000000000002",
  member: { user: { id: "100000000000000003" }, permissions: "8" },
  locale: "en-GB",
});

describe("POST /interactions", () => {
  it("answers a signed PING with a PONG", async () => {
    started = await startServer();
    const res = await signed(started.base, started.keys.privateKey, PING);
    expect(res.status).toBe(200);
    expect(await readJson(res)).toEqual({ type: 1 });
  });

  it("answers a signed status command with a channel message from the real handler", async () => {
    started = await startServer();
    const res = await signed(
      started.base,
      started.keys.privateKey,
      command("status", [{ name: "service", type: 3, value: "github" }]),
    );
    expect(res.status).toBe(200);
    const body = await readJson(res);
    expect(body.type).toBe(4);
    expect(body.data.embeds[0].title).toMatch(/GitHub/);
    expect(body.data.allowed_mentions).toEqual({ parse: [] });
    expect(body.data.components[0].components[0]).toMatchObject({
      type: 2,
      custom_id: expect.stringMatching(/^outage:/),
    });
    expect(started.metrics.registry.getSingleMetric("outagebot_commands_total")).toBeDefined();
    const text = await started.metrics.registry.metrics();
    expect(text).toContain('outagebot_commands_total{name="status",transport="http",outcome="ok"} 1');
  });

  it("answers an unknown service with an ephemeral message that suggests one", async () => {
    started = await startServer();
    const res = await signed(
      started.base,
      started.keys.privateKey,
      command("status", [{ name: "service", type: 3, value: "githib" }]),
    );
    const body = await readJson(res);
    expect(body).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(body.data.content).toMatch(/GitHub/);
  });

  it("answers autocomplete with choices for the focused option", async () => {
    started = await startServer();
    const payload = { ...command("status", [{ name: "service", type: 3, value: "git", focused: true }]), type: 4 };
    const res = await signed(started.base, started.keys.privateKey, payload);
    const body = await readJson(res);
    expect(body.type).toBe(8);
    expect(body.data.choices).toContainEqual(expect.objectContaining({ value: "github" }));
  });

  it("answers a refresh button by updating the message", async () => {
    started = await startServer();
    const payload = {
      ...command("status"),
      type: 3,
      data: { custom_id: "outage:refresh:github", component_type: 2 },
      message: { id: "5" },
    };
    const res = await signed(started.base, started.keys.privateKey, payload);
    const body = await readJson(res);
    expect(body.type).toBe(7);
    expect(body.data.embeds[0].title).toMatch(/GitHub/);
  });

  it("refuses a command name it does not have, privately, instead of answering /outage status", async () => {
    started = await startServer();
    const payload = {
      ...command("status", [{ name: "service", type: 3, value: "github" }]),
      data: { name: "foo", options: [{ name: "status", type: 1, options: [] }] },
    };
    const body = await readJson(await signed(started.base, started.keys.privateKey, payload));
    expect(body.type).toBe(4);
    expect(body.data.flags).toBe(64);
    expect(body.data.content).toContain("I don't have a `/foo` command");
    expect(body.data.embeds).toEqual([]);
  });

  it("counts the problem picked in the report menu, replacing the private menu with the receipt", async () => {
    started = await startServer();
    const payload = {
      ...command("status"),
      type: 3,
      data: { custom_id: "outage:report-problem:github", component_type: 3, values: ["login"] },
      message: { id: "6", flags: 64 },
    };
    const body = await readJson(await signed(started.base, started.keys.privateKey, payload));
    expect(body.type).toBe(7);
    expect(body.data.content).toContain("**Login** problems with **GitHub**");
  });

  it("answers a submitted form it does not know privately, instead of refusing the request", async () => {
    started = await startServer();
    const payload = {
      ...command("status"),
      type: 5,
      data: { custom_id: "old:form", components: [{ type: 1, components: [{ type: 4, custom_id: "t", value: "x" }] }] },
    };
    const body = await readJson(await signed(started.base, started.keys.privateKey, payload));
    expect(body.type).toBe(4);
    expect(body.data.flags).toBe(64);
    expect(body.data.content).toContain("no longer supported");
  });

  it("sends a reply with a file as multipart with payload_json and files[0]", async () => {
    const commands: CommandHandlers = {
      handleCommand: async () => ({
        embeds: [{ title: "chart", imageUrl: "attachment://chart.png" }],
        files: [{ name: "chart.png", contentType: "image/png", data: new Uint8Array([137, 80, 78, 71]) }],
      }),
      handleAutocomplete: async () => [],
      handleButton: async () => ({ content: "x" }),
    };
    started = await startServer({ commands });
    const res = await signed(started.base, started.keys.privateKey, command("status"));
    expect(res.headers.get("content-type")).toMatch(/^multipart\/form-data; boundary=/);
    const form = await res.formData();
    expect(JSON.parse(String(form.get("payload_json")))).toMatchObject({
      type: 4,
      data: { attachments: [{ id: 0, filename: "chart.png" }], embeds: [{ image: { url: "attachment://chart.png" } }] },
    });
    const file = form.get("files[0]") as File;
    expect(file.name).toBe("chart.png");
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(new Uint8Array([137, 80, 78, 71]));
  });

  it("answers with an apology, not a 500, when a handler throws", async () => {
    const commands: CommandHandlers = {
      handleCommand: async () => {
        throw new Error("boom");
      },
      handleAutocomplete: async () => [],
      handleButton: async () => ({ content: "x" }),
    };
    started = await startServer({ commands });
    const res = await signed(started.base, started.keys.privateKey, command("status"));
    expect(res.status).toBe(200);
    expect((await readJson(res)).data).toMatchObject({ flags: 64, content: expect.stringMatching(/error id/) });
  });

  describe("refuses with 401", () => {
    it("a request without signature headers", async () => {
      started = await startServer();
      const res = await post(started.base, JSON.stringify(PING), {});
      expect(res.status).toBe(401);
      expect((await readJson(res)).error).toBe("missing_signature");
    });

    it("a signature that is not hex", async () => {
      started = await startServer();
      const res = await post(started.base, JSON.stringify(PING), {
        "x-signature-ed25519": "zz",
        "x-signature-timestamp": nowS,
      });
      expect(res.status).toBe(401);
    });

    it("a body signed by another key", async () => {
      started = await startServer();
      const res = await signed(started.base, ed25519Keys().privateKey, PING);
      expect(res.status).toBe(401);
      expect((await readJson(res)).error).toBe("bad_signature");
    });

    it("a body altered after signing", async () => {
      started = await startServer();
      const body = JSON.stringify(PING);
      const signature = signBody(started.keys.privateKey, nowS, body);
      const res = await post(started.base, body.replace('"type":1', '"type":2'), {
        "x-signature-ed25519": signature,
        "x-signature-timestamp": nowS,
      });
      expect(res.status).toBe(401);
    });

    it("a signature made for another timestamp", async () => {
      started = await startServer();
      const body = JSON.stringify(PING);
      const signature = signBody(started.keys.privateKey, nowS, body);
      const res = await post(started.base, body, {
        "x-signature-ed25519": signature,
        "x-signature-timestamp": String(Number(nowS) + 1),
      });
      expect(res.status).toBe(401);
    });

    it("a correctly signed timestamp older than the allowed skew", async () => {
      started = await startServer();
      const res = await signed(started.base, started.keys.privateKey, PING, String(Number(nowS) - 301));
      expect(res.status).toBe(401);
      expect((await readJson(res)).error).toBe("stale_timestamp");
    });
  });

  it("accepts an old signed timestamp when the skew check is off (0)", async () => {
    started = await startServer({ settings: { DISCORD_MAX_CLOCK_SKEW_S: 0 } });
    const res = await signed(started.base, started.keys.privateKey, PING, String(Number(nowS) - 86_400));
    expect(res.status).toBe(200);
  });

  it("accepts a timestamp within the skew", async () => {
    started = await startServer();
    const res = await signed(started.base, started.keys.privateKey, PING, String(Number(nowS) + 299));
    expect(res.status).toBe(200);
  });

  it("answers 400 to a signed body that is not an interaction", async () => {
    started = await startServer();
    const res = await signed(started.base, started.keys.privateKey, "hello");
    expect(res.status).toBe(400);
  });

  it("is off (404) without DISCORD_PUBLIC_KEY", async () => {
    started = await startServer({ settings: { DISCORD_PUBLIC_KEY: undefined } });
    const res = await post(started.base, JSON.stringify(PING), {});
    expect(res.status).toBe(404);
    expect((await readJson(res)).error).toBe("not_configured");
  });
});
