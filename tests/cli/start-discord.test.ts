import { afterEach, describe, expect, it } from "vitest";
import { type DiscordEmulator, startEmulator } from "../support/discord-emulator/index.js";
import { runCli } from "./run-cli.js";

let emulator: DiscordEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

describe("outage-bot start with DISCORD_TOKEN", () => {
  it("logs in to Discord, registers the command, answers /outage status and stops on the stop signal", async () => {
    emulator = await startEmulator();
    const stop = new AbortController();
    const running = runCli(["start"], {
      env: {
        STORE_URL: "memory://",
        POLL_STATUS_PAGES: "false",
        DISCORD_TOKEN: "test-token",
        DISCORD_API_URL: emulator.apiUrl,
      },
      stop: stop.signal,
    });
    await emulator.waitForConnection();
    await expect.poll(() => emulator?.registeredCommands().length ?? 0, { timeout: 10_000 }).toBe(2);

    const out = await emulator.inject.command("outage", "status", { service: "github" });
    expect(JSON.stringify(out.message)).toContain("GitHub");

    stop.abort();
    const run = await running;
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("");
    expect(emulator.violations).toEqual([]);
  });
});

describe("outage-bot deploy-commands", () => {
  it("registers /outage and /outage-alerts in one guild", async () => {
    emulator = await startEmulator();
    const run = await runCli(["deploy-commands", "--guild", emulator.guildId], {
      env: { DISCORD_TOKEN: "test-token", DISCORD_APP_ID: emulator.appId, DISCORD_API_URL: emulator.apiUrl },
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`registered 2 command(s) (guild:${emulator.guildId})`);
    expect(emulator.registeredCommands(emulator.guildId)).toHaveLength(2);
  });

  it("exits 2 saying what it needs without DISCORD_TOKEN", async () => {
    const run = await runCli(["deploy-commands"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("needs DISCORD_TOKEN and DISCORD_APP_ID");
  });
});
