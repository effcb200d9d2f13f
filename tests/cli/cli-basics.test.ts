import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "outage-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("outage-bot command line", () => {
  it("prints the usage for help and for no command at all", async () => {
    for (const argv of [["help"], [], ["--help"]]) {
      const run = await runCli(argv);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain("outage-bot ask");
    }
  });

  it("exits 2 and names an unknown command", async () => {
    const run = await runCli(["frobnicate"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown command "frobnicate"');
  });

  it("exits 1 listing each wrong variable and what it expects", async () => {
    const run = await runCli(["ask", "/outage status x"], {
      env: { STORE_URL: "postgres://db", LOG_LEVEL: "chatty" },
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("STORE_URL: expected sqlite://path, redis://host:port or memory://");
    expect(run.stderr).toContain("LOG_LEVEL: expected one of");
  });

  it("exits 1 with a clear message when the store file is not a database", async () => {
    const path = join(dir, "garbage.sqlite");
    writeFileSync(path, "definitely not sqlite ".repeat(100));
    const run = await runCli(["ask", "/outage status x"], { env: { STORE_URL: `sqlite://${path}` } });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("is not a SQLite database");
    expect(run.stderr).toContain("move it away or point STORE_URL elsewhere");
  });

  it("exits 2 on an unknown option", async () => {
    const run = await runCli(["ask", "/outage status x", "--jsn"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--jsn");
  });

  it("exits 2 when --at is not an ISO time", async () => {
    const run = await runCli(["ask", "/outage status x", "--at", "yesterday"], { env: { STORE_URL: "memory://" } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--at: expected an ISO time");
  });

  it("exits 2 and says how to type a command it cannot parse", async () => {
    const run = await runCli(["ask", "/outage frobnicate"], { env: { STORE_URL: "memory://" } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("frobnicate");
  });
});
