// HTTP interactions keep Discord's 3 s window too: a slow handler is deferred and its answer sent
// through the interaction webhook of a loopback stand-in for Discord's API.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { CommandHandlers } from "../../src/http/index.js";
import { readJson, signed, startServer } from "./harness.js";

type Started = Awaited<ReturnType<typeof startServer>>;
let started: Started | undefined;
let api: Awaited<ReturnType<typeof startApi>> | undefined;
afterEach(async () => {
  await started?.close();
  await api?.close();
  started = api = undefined;
});

interface Seen {
  method: string;
  path: string;
  body: string;
}

/** A loopback Discord API that records webhook calls and resolves `next(n)` once n have arrived. */
async function startApi() {
  const seen: Seen[] = [];
  const waiters: { n: number; resolve: () => void }[] = [];
  const server = createServer(async (req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    seen.push({ method: req.method ?? "", path: req.url ?? "", body: Buffer.concat(chunks).toString("utf8") });
    res
      .writeHead(req.method === "DELETE" ? 204 : 200, { "content-type": "application/json" })
      .end(req.method === "DELETE" ? undefined : "{}");
    for (const w of waiters.filter((x) => seen.length >= x.n)) w.resolve();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api`,
    seen,
    next: (n: number) => new Promise<void>((resolve) => (seen.length >= n ? resolve() : waiters.push({ n, resolve }))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Handlers whose command answers `reply` only when `release` is called. */
function held(reply: { content: string; ephemeral?: boolean }) {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const commands: CommandHandlers = {
    handleCommand: async () => {
      await gate;
      return reply;
    },
    handleAutocomplete: async () => [],
    handleButton: async () => reply,
  };
  return { commands, release: () => release() };
}

const interaction = (sub: string) => ({
  id: "3",
  application_id: "2",
  type: 2,
  token: "tok",
  version: 1,
  data: { name: "outage", type: 1, options: [{ name: sub, type: 1, options: [] }] },
  guild_id: "100000000000000001",
  channel_id: "100000000000000002",
  member: { user: { id: "100000000000000003" }, permissions: "8" },
});

/** The HTTP server over a held handler, asked `/outage <sub>`: its first response, and the handler's release. */
async function deferred(reply: { content: string; ephemeral?: boolean }, sub: string) {
  api = await startApi();
  const slow = held(reply);
  started = await startServer({
    commands: slow.commands,
    interactionDeferAfterMs: 20,
    settings: { DISCORD_API_URL: api.url },
  });
  const body = await readJson(await signed(started.base, started.keys.privateKey, interaction(sub)));
  return { slow, body, api };
}

describe("HTTP interactions within Discord's window", () => {
  it("defers a slow command and edits the answer in through the interaction webhook", async () => {
    const { slow, body } = await deferred({ content: "slow store answered" }, "status");
    expect(body).toEqual({ type: 5 });
    slow.release();
    await api!.next(1);
    expect(api!.seen[0]).toMatchObject({ method: "PATCH", path: "/api/v10/webhooks/2/tok/messages/@original" });
    expect(JSON.parse(api!.seen[0]!.body)).toMatchObject({ content: "slow store answered" });
  });

  it("defers a private command privately", async () => {
    const { slow, body } = await deferred({ content: "counted", ephemeral: true }, "report");
    expect(body).toEqual({ type: 5, data: { flags: 64 } });
    slow.release();
    await api!.next(1);
    expect(JSON.parse(api!.seen[0]!.body)).toMatchObject({ content: "counted", flags: 64 });
  });

  it("turns a public deferral into a private follow-up when the answer is an error", async () => {
    const { slow, body } = await deferred({ content: "⚠️ no such service", ephemeral: true }, "status");
    expect(body).toEqual({ type: 5 });
    slow.release();
    await api!.next(2);
    expect(api!.seen.map((s) => [s.method, s.path])).toEqual([
      ["DELETE", "/api/v10/webhooks/2/tok/messages/@original"],
      ["POST", "/api/v10/webhooks/2/tok"],
    ]);
    expect(JSON.parse(api!.seen[1]!.body)).toMatchObject({ content: "⚠️ no such service", flags: 64 });
  });
});
