import { spawn } from "node:child_process";
import { PassThrough } from "node:stream";
import { fileURLToPath } from "node:url";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { answerLine, runConsole, stripAnsi } from "../../src/console/index.js";
import { createMetrics } from "../../src/metrics/metrics.js";
import { fakeContext } from "../http/fake-context.js";

const silent = pino({ level: "silent" });

/** Feeds lines to the console through streams and returns everything it wrote once it closes. */
async function drive(lines: string[], options: { color?: boolean; end?: boolean } = {}) {
  const { ctx, intake } = fakeContext();
  const input = new PassThrough();
  const output = new PassThrough();
  let text = "";
  output.on("data", (chunk) => {
    text += chunk;
  });
  const metrics = createMetrics();
  const done = runConsole({ ctx, input, output, logger: silent, color: options.color ?? false, metrics });
  for (const line of lines) input.write(`${line}\n`);
  if (options.end !== false) input.end();
  await done;
  return { text, intake, metrics };
}

describe("runConsole", () => {
  it("answers a typed slash command with the service's status as text", async () => {
    const { text } = await drive(["/outage status github"]);
    expect(text).toContain("GitHub: 🔴 Major outage");
    expect(text).toContain("120 in the last 15 min");
    expect(text).toContain("Since 25 min ago");
  });

  it("accepts a command without the leading /outage", async () => {
    const { text } = await drive(["status twitter"]);
    expect(text).toContain("X:");
  });

  it("draws a sparkline of the service's last 24 hours", async () => {
    const { text } = await drive(["status github"]);
    expect(text).toMatch(/Last 24 h {2}[▁▂▃▄▅▆▇█]{24}/);
  });

  it("lists the subcommands on help", async () => {
    const { text } = await drive(["help"]);
    expect(text).toContain("status [service]");
    expect(text).toContain("report <service> [problem] [region]");
  });

  it("explains a line it cannot read and keeps going", async () => {
    const { text } = await drive(['status "github', "status nope", "status github"]);
    expect(text).toMatch(/quote/);
    expect(text).toMatch(/don't know a service called “nope”/);
    expect(text).toContain("GitHub: 🔴 Major outage");
  });

  it("sends a report through the intake", async () => {
    const { text, intake } = await drive(["report github login"]);
    expect(intake.offers).toEqual([expect.objectContaining({ service: "github", problem: "login" })]);
    expect(text.length).toBeGreaterThan(0);
  });

  it("stops at exit without reading further lines", async () => {
    const { text } = await drive(["exit", "status github"], { end: false });
    expect(text).not.toContain("GitHub");
  });

  it("closes cleanly at the end of input (Ctrl-D)", async () => {
    const { text } = await drive([]);
    expect(text).toContain("outage-bot console");
  });

  it("colours the embed in its colour unless colour is off", async () => {
    const coloured = await drive(["status github"], { color: true });
    expect(coloured.text).toContain("\x1b[38;2;");
    expect(coloured.text).toContain("m┃");
    const plain = await drive(["status github"], { color: false });
    expect(plain.text).not.toContain("\x1b[");
    expect(stripAnsi(coloured.text)).toBe(plain.text);
  });

  it("counts console commands in the metrics", async () => {
    const { metrics } = await drive(["status github"]);
    expect(await metrics.registry.metrics()).toContain(
      'outagebot_commands_total{name="status",transport="console",outcome="ok"} 1',
    );
  });
});

describe("answerLine", () => {
  it("answers one line without a prompt, for ask", async () => {
    const { ctx } = fakeContext();
    const text = await answerLine("status", { ctx, logger: silent, color: false });
    expect(text).toContain("Services with problems now (2)");
  });
});

describe("console in a subprocess", () => {
  it("answers piped commands on stdout and exits 0 at end of input, without colour under NO_COLOR", async () => {
    const script = fileURLToPath(new URL("./fixtures/run-console.ts", import.meta.url));
    const child = spawn(process.execPath, ["--import", "tsx", script], {
      cwd: fileURLToPath(new URL("../..", import.meta.url)),
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "" },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (c) => {
      out += c;
    });
    child.stderr.on("data", (c) => {
      err += c;
    });
    child.stdin.end("status github\nhelp\n");
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(out).toContain("GitHub: 🔴 Major outage");
    expect(out).toContain("status [service]");
    expect(out).not.toContain("\x1b[");
  });
});
