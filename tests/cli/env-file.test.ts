import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, scratchDir } from "./spawned-bot.js";

/** Runs the executable in `cwd` with only `env` (and PATH) set; resolves with its exit code and stderr. */
function run(cwd: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: { PATH: process.env.PATH, ...env },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    proc.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    proc.once("close", (code) => resolve({ code, stderr }));
  });
}

describe("settings in ./.env", () => {
  it("are read from the working directory", async () => {
    const dir = scratchDir();
    writeFileSync(join(dir, ".env"), "STORE_URL=memory://\nLOG_LEVEL=chatty\n");
    const { code, stderr } = await run(dir, ["ask", "/outage status github"], {});
    expect(code).toBe(1);
    expect(stderr).toContain("LOG_LEVEL: expected one of");
  }, 30_000);

  it("give way to the same variable set in the environment", async () => {
    const dir = scratchDir();
    writeFileSync(join(dir, ".env"), "STORE_URL=memory://\nLOG_LEVEL=chatty\n");
    const { code, stderr } = await run(dir, ["ask", "/outage status github"], { LOG_LEVEL: "silent" });
    expect(stderr).toBe("");
    expect(code).toBe(0);
  }, 30_000);
});
