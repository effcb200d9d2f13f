import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { commandDefinitions } from "../../commands/index.js";
import { createRest, deployCommands, registerIfChanged } from "../../src/discord/index.js";
import { openStore, type Store } from "../../src/store/index.js";
import { type DiscordEmulator, startEmulator } from "../support/discord-emulator/index.js";
import { type Harness, startHarness } from "./harness.js";

const logger = pino({ level: "silent" });
const PUT_GLOBAL = "PUT /applications/:app/commands";
let emulator: DiscordEmulator | undefined;
let store: Store | undefined;
let harnesses: Harness[] = [];
afterEach(async () => {
  for (const e of [emulator, ...harnesses.map((h) => h.emulator)]) expect(e?.violations ?? []).toEqual([]);
  for (const h of harnesses) await h.close();
  harnesses = [];
  await emulator?.close();
  await store?.close();
  emulator = undefined;
  store = undefined;
});

const puts = (e: DiscordEmulator) => e.requests.filter((r) => r.method === "PUT").length;

describe("deploy-commands", () => {
  it("registers /outage and the admin-only /outage-alerts globally", async () => {
    emulator = await startEmulator();
    const result = await deployCommands({ token: "t", appId: emulator.appId, apiUrl: emulator.apiUrl });
    expect(result).toEqual({ scope: "global", count: 2 });
    const [outage, alerts] = emulator.registeredCommands() as {
      name: string;
      default_member_permissions?: string;
      options: { name: string }[];
    }[];
    expect(outage?.name).toBe("outage");
    expect(outage?.default_member_permissions).toBeUndefined();
    expect(alerts).toMatchObject({ name: "outage-alerts", default_member_permissions: "16" });
    expect(alerts?.options.map((o) => o.name)).toEqual(["subscribe", "unsubscribe", "list"]);
    expect(outage?.options.map((o) => o.name)).toEqual(
      expect.arrayContaining(["status", "regions", "incidents", "report", "services"]),
    );
    expect(emulator.violations).toEqual([]);
  });

  it("registers them in one guild with --guild", async () => {
    emulator = await startEmulator();
    const { guildId } = emulator;
    const result = await deployCommands({ token: "t", appId: emulator.appId, apiUrl: emulator.apiUrl, guildId });
    expect(result).toEqual({ scope: `guild:${guildId}`, count: 2 });
    expect(emulator.registeredCommands(guildId)).toHaveLength(2);
    expect(emulator.registeredCommands()).toHaveLength(0);
  });

  it("registers only when the definitions changed since the hash in the store", async () => {
    emulator = await startEmulator();
    store = await openStore("memory://", { logger });
    const rest = createRest("t", emulator.apiUrl);
    const opts = { rest, appId: emulator.appId, meta: store.meta, logger };
    expect(await registerIfChanged(opts)).toBe("registered");
    expect(await registerIfChanged(opts)).toBe("unchanged");
    const changed = commandDefinitions().map((d) => ({ ...d, description: "changed" }));
    expect(await registerIfChanged({ ...opts, definitions: changed })).toBe("registered");
    expect(emulator.requests.filter((r) => r.route === PUT_GLOBAL)).toHaveLength(2);
  });

  it("registers at start on a new install and skips it on the next start", async () => {
    store = await openStore("memory://", { logger });
    const first = await startHarness({ store });
    harnesses.push(first);
    expect(first.emulator.registeredCommands()).toHaveLength(2);
    const second = await startHarness({ store, emulator: { appId: first.emulator.appId } });
    harnesses.push(second);
    expect(puts(first.emulator)).toBe(1);
    expect(puts(second.emulator)).toBe(0);
  });

  it("answers commands registered at start with the registered command id", async () => {
    store = await openStore("memory://", { logger });
    const h = await startHarness({ store });
    harnesses.push(h);
    const out = await h.emulator.inject.command("outage", "services", {});
    expect(out.callbackType).toBe(4);
    expect(h.emulator.violations).toEqual([]);
  });
});
