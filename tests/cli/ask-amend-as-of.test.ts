// A report amended within 15 minutes (another problem named by the same person) carries the time
// of its amendment: `ask --at` a minute between the report and its amendment shows the problem the
// report had then, and a minute after shows the new one. Through the CLI on a real SQLite file.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StatusReportSchema } from "../../src/domain/status-report.js";
import { runCli } from "./run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "outage-cli-amend-"));
const env = { STORE_URL: `sqlite://${join(dir, "amend.sqlite")}` };
const NOW = Date.parse("2026-11-26T12:00:00Z");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  const file = join(dir, "amend.ndjson");
  const lines = [
    // Ana reports the app at 11:30 and, at 11:40, says it was the login after all.
    { service: "x", region: "UK", problem: "app", at: "2026-11-26T11:30:10Z", reporter: "ana" },
    { service: "x", region: "UK", problem: "login", at: "2026-11-26T11:40:10Z", reporter: "ana" },
    { service: "x", region: "UK", problem: "app", at: "2026-11-26T11:30:20Z", reporter: "ben" },
  ];
  writeFileSync(file, `${lines.map((l) => JSON.stringify(l)).join("\n")}\n`);
  const run = await runCli(["ingest", file], { env, now: NOW });
  expect(run.code).toBe(0);
  expect(run.stdout).toContain("3 accepted, 0 rejected");
}, 60_000);

const statusAt = async (at: string) => {
  const run = await runCli(["ask", "/outage status x", "--json", "--at", at], { env, now: NOW });
  expect(run.code).toBe(0);
  return StatusReportSchema.parse(JSON.parse(run.stdout));
};

const problemsOf = (status: { problems: { problem: string; reports: number }[] }) =>
  Object.fromEntries(status.problems.map((p) => [p.problem, p.reports]));

describe("ask --at around an amended report", () => {
  it("shows the report's first problem as of a minute before the amendment", async () => {
    expect(problemsOf(await statusAt("2026-11-26T11:35:00Z"))).toEqual({ app: 2 });
  });

  it("shows the amended problem as of the minute after the amendment", async () => {
    expect(problemsOf(await statusAt("2026-11-26T11:41:00Z"))).toEqual({ app: 1, login: 1 });
  });

  it("still counts the amended report once at any minute", async () => {
    expect((await statusAt("2026-11-26T11:35:00Z")).crowd.lastHour).toBe(2);
    expect((await statusAt("2026-11-26T11:41:00Z")).crowd.lastHour).toBe(2);
  });
});
