// Every subcommand through each transport (the real discord.js bot against the emulator, signed HTTP
// interactions carrying the very payload the emulator dispatched, and the console): the same Reply
// from the one command runner, and each transport delivers that Reply, nothing of its own.
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commandOf } from "../../commands/command-names.js";
import type { CommandContext } from "../../commands/context.js";
import { SUBCOMMANDS } from "../../commands/registry.js";
import { type Answer, type CommandRunner, createCommandRunner, type Transport } from "../../commands/runner.js";
import { createAlertRepos } from "../../src/app/alert-wiring.js";
import { answerLine } from "../../src/console/console.js";
import { renderText } from "../../src/console/render-text.js";
import { createDiscordBot, type DiscordBot } from "../../src/discord/index.js";
import type { Reply } from "../../src/domain/reply.js";
import { createHttpServer, type HttpServer } from "../../src/http/index.js";
import { createMetrics } from "../../src/metrics/metrics.js";
import { openStore, type Store } from "../../src/store/index.js";
import { testContext } from "../discord/harness.js";
import { ed25519Keys, readJson, signed } from "../http/harness.js";
import { type DiscordEmulator, startEmulator } from "../support/discord-emulator/index.js";

type Options = Record<string, string | number | boolean>;
interface Case {
  command: string;
  sub: string;
  options: Options;
  /** A server's channel is where it works: the console (no server) gets the refusal instead. */
  guildOnly?: boolean;
}

// Every subcommand of the registry; the subscription ones in an order that ends where it began
// (unsubscribed), so each transport starts from the same store.
const CASES: Case[] = [
  { command: "outage", sub: "status", options: { service: "github" } },
  { command: "outage", sub: "status", options: {} },
  { command: "outage", sub: "regions", options: { service: "github", window: "1h" } },
  { command: "outage", sub: "incidents", options: { state: "recent" } },
  // A region given: the gateway and HTTP carry the person's locale (a region guess), the console none.
  { command: "outage", sub: "report", options: { service: "github", problem: "login", region: "GB" } },
  { command: "outage", sub: "services", options: {} },
  { command: "outage-alerts", sub: "subscribe", options: { service: "github" }, guildOnly: true },
  { command: "outage", sub: "subscriptions", options: {}, guildOnly: true },
  { command: "outage-alerts", sub: "list", options: {}, guildOnly: true },
  { command: "outage-alerts", sub: "unsubscribe", options: { service: "github" }, guildOnly: true },
];

const silent = pino({ level: "silent" });
let emulator: DiscordEmulator;
let bot: DiscordBot;
let http: HttpServer;
let store: Store;
let base: string;
let ctx: CommandContext;
let runner: CommandRunner;
const keys = ed25519Keys();
/** What the runner answered, per transport, in order. */
const answers: Record<Transport, Answer[]> = { gateway: [], http: [], console: [] };

/** The runner the app builds, recording what it answers on each transport. */
function recording(inner: CommandRunner): CommandRunner {
  const keep = (transport: Transport) => (answer: Answer) => {
    answers[transport].push(answer);
    return answer;
  };
  return {
    ...inner,
    command: (inv, transport, checks) => inner.command(inv, transport, checks).then(keep(transport)),
    button: (id, inv, transport, checks) => inner.button(id, inv, transport, checks).then(keep(transport)),
  };
}

/** A Discord message (as the emulator stored it, or an HTTP response's data) reduced to what a Reply decides. */
function delivered(message: { content?: string; embeds?: unknown[]; components?: unknown[]; flags?: number } | null) {
  return {
    content: message?.content ?? "",
    embeds: message?.embeds ?? [],
    components: message?.components ?? [],
    ephemeral: ((message?.flags ?? 0) & 64) === 64,
  };
}

function consoleLine(c: Case): string {
  const options = Object.entries(c.options).map(([k, v]) => `${k}:${v}`);
  return [`/${c.command}`, c.sub, ...options].join(" ");
}

beforeAll(async () => {
  store = await openStore("memory://", { logger: silent, namespace: "matrix" });
  const repos = createAlertRepos(store);
  ctx = testContext();
  runner = recording(createCommandRunner({ ctx, metrics: createMetrics(), subscriptions: repos.subscriptions }));
  emulator = await startEmulator();
  bot = createDiscordBot({ token: "emulator-token", apiUrl: emulator.apiUrl, runner, logger: silent });
  await bot.start();
  http = createHttpServer({
    ctx,
    runner,
    metrics: createMetrics(),
    logger: silent,
    config: {
      API_RATE_LIMIT_PER_MIN: 0,
      HTTP_BODY_LIMIT_BYTES: 1_048_576,
      HTTP_MAX_REPORTS_PER_REQUEST: 5_000,
      HTTP_CACHE_MAX_AGE_S: 15,
      DISCORD_PUBLIC_KEY: keys.publicHex,
      DISCORD_MAX_CLOCK_SKEW_S: 300,
      DISCORD_API_URL: emulator.apiUrl,
    },
  });
  base = `http://127.0.0.1:${(await http.listen(0, "127.0.0.1")).port}`;
});

afterAll(async () => {
  await http?.close();
  await bot?.stop();
  await emulator?.close();
  await store?.close();
});

describe("one command runner behind every transport", () => {
  const gatewayOut: ReturnType<typeof delivered>[] = [];
  const httpOut: ReturnType<typeof delivered>[] = [];
  const consoleOut: string[] = [];

  it("covers every subcommand of the registry, so one added later joins the matrix", () => {
    const covered = new Set(CASES.map((c) => `${c.command} ${c.sub}`));
    expect(SUBCOMMANDS.map((s) => `${commandOf(s)} ${s.name}`).filter((name) => !covered.has(name))).toEqual([]);
  });

  it("answers every subcommand over the gateway, HTTP interactions (the same payload) and the console", async () => {
    const payloads: unknown[] = [];
    for (const c of CASES) {
      const out = await emulator.inject.command(c.command, c.sub, c.options);
      expect(out.callbackType, `${c.command} ${c.sub} over the gateway`).toBe(4);
      gatewayOut.push(delivered(out.message));
      payloads.push(out.payload);
    }
    for (const [i, payload] of payloads.entries()) {
      const res = await signed(base, keys.privateKey, payload, String(Math.floor(ctx.now() / 1000)));
      const body = await readJson(res);
      expect(body.type, `${CASES[i]!.command} ${CASES[i]!.sub} over HTTP`).toBe(4);
      httpOut.push(delivered(body.data));
    }
    for (const c of CASES)
      consoleOut.push(await answerLine(consoleLine(c), { ctx, runner, logger: silent, color: false }));
    expect(emulator.violations).toEqual([]);
  });

  it("gives the same Reply on the gateway and over HTTP interactions, for every subcommand", () => {
    const strip = (a: Answer) => ({ name: a.name, outcome: a.outcome, reply: a.reply });
    expect(answers.http.map(strip)).toEqual(answers.gateway.map(strip));
    // Nothing refused: subscribe, subscriptions and unsubscribe work over HTTP interactions too.
    expect(answers.http.map((a) => a.outcome)).toEqual(CASES.map(() => "ok"));
  });

  it("gives the console the same Reply where no server is needed, and a refusal naming the server where one is", () => {
    CASES.forEach((c, i) => {
      const reply = answers.console[i]!.reply;
      if (c.guildOnly) {
        expect(answers.console[i]!.outcome).toBe("user_error");
        expect(reply.content).toMatch(/server/);
      } else {
        expect(reply).toEqual(answers.gateway[i]!.reply);
      }
    });
  });

  it("delivers the Reply as it is: the same message over the gateway and HTTP, the same text on the console", () => {
    expect(httpOut).toEqual(gatewayOut);
    answers.gateway.forEach((a: Answer, i) => {
      expect(gatewayOut[i]!.ephemeral).toBe(a.reply.ephemeral === true);
      expect(gatewayOut[i]!.content).toBe(a.reply.content ?? "");
    });
    answers.console.forEach((a: Answer, i) => {
      const text = renderText(a.reply as Reply, { color: false, now: ctx.now() });
      // The console adds a sparkline to answers about one service; the rest of the text is the Reply's.
      expect(consoleOut[i]!.replace(/^.*[▁▂▃▄▅▆▇█].*\n/gm, "")).toBe(text.replace(/^.*[▁▂▃▄▅▆▇█].*\n/gm, ""));
    });
  });

  it("says which subcommands answer privately from their definitions, alike for every transport", () => {
    const privately = CASES.map((c) =>
      runner.ephemeral({
        command: c.command,
        subcommand: c.sub,
        options: {},
        user: { id: "u" },
        guildId: null,
        channelId: null,
        memberPermissions: null,
      }),
    );
    expect(privately).toEqual(answers.gateway.map((a) => a.reply.ephemeral === true));
  });
});
