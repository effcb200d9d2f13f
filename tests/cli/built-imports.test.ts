import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, scratchDir } from "./spawned-bot.js";

// The built executable (dist/cli, `npm run build`; `npm test` builds it first), run as an operator
// runs it, with a resolve hook that prints every package module Node loads.
const EXECUTABLE = join(ROOT, "dist/cli/outage-bot.js");
const HOOK = `data:text/javascript,${encodeURIComponent(
  `import { register } from "node:module";
   register("data:text/javascript," + encodeURIComponent(
     "export async function resolve(s, c, next) { const r = await next(s, c);" +
     " if (r.url.includes('/node_modules/')) process.stderr.write('loaded ' + r.url + '\\\\n'); return r; }"));`,
)}`;

/** The package modules `outage-bot args` loads, and its exit code. */
function packagesLoaded(args: string[]): { status: number | null; loaded: string[] } {
  const env = {
    PATH: process.env.PATH,
    STORE_URL: `sqlite://${join(scratchDir(), "cli.sqlite")}`,
    LOG_LEVEL: "silent",
  };
  const run = spawnSync(process.execPath, ["--import", HOOK, EXECUTABLE, ...args], {
    cwd: ROOT,
    env,
    encoding: "utf8",
  });
  const loaded = run.stderr
    .split("\n")
    .filter((line) => line.startsWith("loaded "))
    .map((line) => line.slice("loaded ".length));
  return { status: run.status, loaded };
}

describe("the built outage-bot executable", () => {
  it.each([
    ["help", ["help"]],
    ["ask", ["ask", "/outage status github"]],
  ])("loads neither discord.js nor zod's locales for %s", (_name, args) => {
    const { status, loaded } = packagesLoaded(args);
    expect(status).toBe(0);
    expect(loaded.filter((url) => url.includes("/node_modules/discord.js/"))).toEqual([]);
    expect(loaded.filter((url) => url.includes("/node_modules/@discordjs/"))).toEqual([]);
    // zod is bundled, shaken to what the code calls.
    expect(loaded.filter((url) => url.includes("/node_modules/zod/"))).toEqual([]);
  });

  it("loads discord.js for deploy-commands, the command that talks to Discord", () => {
    const { loaded } = packagesLoaded(["deploy-commands"]);
    expect(loaded.some((url) => url.includes("/node_modules/discord.js/"))).toBe(true);
  });
});
