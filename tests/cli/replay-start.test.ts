import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { StatusReportSchema } from "../../src/domain/status-report.js";
import { runCli } from "./run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "outage-cli-replay-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("outage-bot replay", () => {
  it("prints when each incident of the X outage opened, peaked and closed", async () => {
    const run = await runCli(["replay", "x-outage"]);
    expect(run.code).toBe(0);
    const incidents = run.stdout.split("\n").filter((line) => line.startsWith("x x-"));
    expect(incidents).toHaveLength(2);
    for (const line of incidents) {
      expect(line).toMatch(/opened \d\d:\d\d \(\+[0-2] min\)/);
      expect(line).toMatch(/peaked \d\d:\d\d at [\d,]+\/min/);
      expect(line).toMatch(/resolved \d\d:\d\d/);
    }
    expect(incidents[1]).toContain("started 2025-03-10T13:25");
  });

  it("exits 2 listing the scenarios it knows for an unknown one", async () => {
    const run = await runCli(["replay", "y2k"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown scenario "y2k"; try one of: x-outage, quiet-week');
  });

  it("saves the replayed day with --save so ask can question any minute of it", async () => {
    const env = { STORE_URL: `sqlite://${join(dir, "replay.sqlite")}` };
    expect((await runCli(["replay", "x-outage", "--save"], { env })).code).toBe(0);
    const during = await runCli(["ask", "/outage status x", "--json", "--at", "2025-03-10T14:00:00Z"], { env });
    const report = StatusReportSchema.parse(JSON.parse(during.stdout));
    expect(report.level).toBe("major_outage");
    expect(report.incident?.startedAt).toBe("2025-03-10T13:25:00.000Z");
    const before = await runCli(["ask", "/outage status x", "--json", "--at", "2025-03-10T08:00:00Z"], { env });
    expect(JSON.parse(before.stdout).level).toBe("operational");
  });
});

describe("outage-bot start without DISCORD_TOKEN", () => {
  it("runs the terminal console on the same commands until exit", async () => {
    const run = await runCli(["start", "--console"], {
      env: { STORE_URL: "memory://", POLL_STATUS_PAGES: "false" },
      stdin: "status github\nexit\n",
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("outage-bot console");
    expect(run.stdout).toContain("GitHub");
  });
});
