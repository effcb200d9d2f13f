import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type DiscordEmulator, startEmulator } from "../support/discord-emulator/index.js";
import { BIN, groupAlive, scratchDir, spawnBot } from "./spawned-bot.js";

const TOKEN = "process-test-token-0123456789";
let emulator: DiscordEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

describe("stopping a started bot", () => {
  it("ends `npm start` when its process group gets SIGTERM, even when the gateway never answers the close", async () => {
    emulator = await startEmulator();
    const dir = scratchDir();
    const bot = spawnBot(
      "npm",
      ["start"],
      {
        DISCORD_TOKEN: "test-token",
        DISCORD_API_URL: emulator.apiUrl,
        STORE_URL: `sqlite://${join(dir, "bot.sqlite")}`,
      },
      { detached: true },
    );
    const pgid = bot.proc.pid!;
    try {
      await bot.logged("Discord bot running; stop with Ctrl-C");
      const out = await emulator.inject.command("outage", "status", { service: "github" });
      expect(JSON.stringify(out.message)).toContain("GitHub");
      // The peer goes silent, as the driver's Discord did: ws would wait 30 s for its close frame.
      emulator.stallGateway();
      process.kill(-pgid, "SIGTERM");
      const stopped = await bot.logged("stopped");
      expect(stopped.ok).toBe(true);
      await bot.logged("discord gateway did not answer the close; left open");
      await bot.outputClosed;
      // npm echoes the script it ran: the compiled JavaScript, no TypeScript loader at run time.
      expect(bot.stdout()).toContain("node dist/cli/outage-bot.js start");
      await expect.poll(() => groupAlive(pgid), { timeout: 5_000 }).toBe(false);
    } finally {
      if (groupAlive(pgid)) process.kill(-pgid, "SIGKILL");
    }
  }, 60_000);

  it("ends the console quietly when its standard output is closed (`start | head`)", async () => {
    const dir = scratchDir();
    const bot = spawnBot(
      process.execPath,
      [BIN, "start", "--console"],
      { STORE_URL: `sqlite://${join(dir, "bot.sqlite")}`, CONSOLE_LOG_FILE: join(dir, "console.log") },
      { stdio: ["pipe", "pipe", "pipe"] },
    );
    // The reader goes away before the first line is written.
    bot.proc.stdout?.destroy();
    bot.proc.stdin?.write("status github\nstatus x\n");
    expect(await bot.exited).toBe(0);
    expect(bot.stderr()).toBe("");
  }, 60_000);
});

describe("outage-bot start without DISCORD_TOKEN and without a terminal", () => {
  it("runs as a service: HTTP keeps answering after the input ends, and SIGTERM stops it with exit 0", async () => {
    const dir = scratchDir();
    const bot = spawnBot(
      process.execPath,
      [BIN, "start"],
      { STORE_URL: `sqlite://${join(dir, "bot.sqlite")}`, HTTP_PORT: "0", API_TOKENS: `ops:${TOKEN}` },
      // stdin is /dev/null: at end of input from the start, as under systemd or Docker.
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    try {
      const listening = await bot.logged("http server listening");
      await bot.logged("running as a service (no DISCORD_TOKEN, input is not a terminal); stop with SIGTERM");
      const base = `http://127.0.0.1:${String(listening.port)}`;
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      const posted = await fetch(`${base}/api/reports`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify({ service: "github", region: "DE", problem: "website" }),
      });
      expect(posted.status).toBe(200);
      expect((await fetch(`${base}/api/status/github`)).status).toBe(200);
      bot.proc.kill("SIGTERM");
      expect(await bot.exited).toBe(0);
    } finally {
      if (bot.proc.exitCode === null) bot.proc.kill("SIGKILL");
    }
  }, 60_000);
});
