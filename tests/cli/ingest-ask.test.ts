import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { StatusReportSchema } from "../../src/domain/status-report.js";
import { runCli } from "./run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "outage-cli-ingest-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NOW = Date.parse("2026-11-26T12:00:00Z");
const at = (minutesAgo: number) => new Date(NOW - minutesAgo * 60_000).toISOString();

/** 40 reports of X from distinct people over the last 5 minutes, most from the UK. */
function outageLines(): string[] {
  return Array.from({ length: 40 }, (_, i) =>
    JSON.stringify({
      service: i % 2 === 0 ? "twitter" : "x.com",
      region: i % 4 === 0 ? "Deutschland" : "UK",
      problem: i % 3 === 0 ? "login" : "app",
      at: at(5 - (i % 5)),
      reporter: `user-${i}`,
    }),
  );
}

describe("outage-bot ingest", () => {
  it("counts good lines, explains each bad one, and keeps going after them", async () => {
    const file = join(dir, "mixed.ndjson");
    const lines = [
      JSON.stringify({ service: "x", region: "UK", problem: "app", at: at(3), reporter: "a" }),
      "this is not json",
      JSON.stringify({ service: "not-a-service-at-all", problem: "app", at: at(3), reporter: "b" }),
      JSON.stringify({ service: "x", region: "Atlantis", problem: "app", at: at(3), reporter: "c" }),
      JSON.stringify({ service: "x", problem: "teleport", at: at(3), reporter: "d" }),
      "",
      JSON.stringify({ service: "github", problem: "website", at: at(2), reporter: "e" }),
      JSON.stringify({ service: "x", region: "UK", problem: "app", at: at(2), reporter: "a" }),
    ];
    writeFileSync(file, `${lines.join("\n")}\n`);
    const run = await runCli(["ingest", file], {
      env: { STORE_URL: `sqlite://${join(dir, "mixed.sqlite")}` },
      now: NOW,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("mixed.ndjson: 2 accepted, 5 rejected");
    expect(run.stdout).toContain("invalid: 2");
    expect(run.stdout).toContain("unknown_service: 1");
    expect(run.stdout).toContain("unknown_region: 1");
    expect(run.stdout).toContain("duplicate: 1");
    expect(run.stdout).toContain("line 2: not valid JSON");
    expect(run.stdout).toContain('line 3: Unknown service "not-a-service-at-all"');
    expect(run.stdout).toContain('line 4: Unknown region "Atlantis"');
    expect(run.stdout).toContain("line 5: problem:");
    expect(run.stdout).toContain("line 8:");
  });

  it("reads reports from standard input with -", async () => {
    const run = await runCli(["ingest", "-"], {
      env: { STORE_URL: "memory://" },
      stdin: `${outageLines().slice(0, 3).join("\n")}\n`,
      now: NOW,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("stdin: 3 accepted, 0 rejected");
  });

  it("exits 1 naming a file it cannot read", async () => {
    const run = await runCli(["ingest", join(dir, "missing.ndjson")], { env: { STORE_URL: "memory://" } });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("cannot read");
    expect(run.stderr).toContain("missing.ndjson");
  });

  it("exits 1 saying nothing was imported when no line was accepted", async () => {
    const run = await runCli(["ingest", "-"], {
      env: { STORE_URL: "memory://" },
      stdin: `${JSON.stringify({ service: "nope", problem: "app", reporter: "u" })}\n`,
      now: NOW,
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("stdin: 0 accepted, 1 rejected");
    expect(run.stderr).toContain("no report was accepted");
  });

  it("imports four weeks of history in any order, whatever the wall clock, and answers as of its past", async () => {
    const store = `sqlite://${join(dir, "history.sqlite")}`;
    const end = Date.parse("2026-10-01T12:00:00Z");
    const lines: string[] = [];
    // 27 days, one report every 10 minutes, newest first; then an outage in its last half hour.
    for (let k = 27 * 24 * 6; k > 0; k--) {
      lines.push(
        JSON.stringify({ service: "github", at: new Date(end - k * 600_000).toISOString(), reporter: `h${k}` }),
      );
    }
    lines.reverse();
    for (let i = 0; i < 400; i++) {
      const at = new Date(end - 20 * 60_000 + i * 3_000).toISOString();
      lines.push(JSON.stringify({ service: "github", region: "FR", at, reporter: `o${i}`, origin: `g${i % 40}` }));
    }
    const file = join(dir, "history.ndjson");
    writeFileSync(file, `${lines.join("\n")}\n`);
    const run = await runCli(["ingest", file], { env: { STORE_URL: store }, now: NOW });
    expect(run.stdout).toContain(`history.ndjson: ${lines.length} accepted, 0 rejected`);
    expect(run.code).toBe(0);
    const ask = await runCli(["ask", "/outage status github", "--json", "--at", "2026-10-01T11:55:00Z"], {
      env: { STORE_URL: store },
    });
    const report = StatusReportSchema.parse(JSON.parse(ask.stdout));
    expect(report.level).not.toBe("operational");
    expect(report.incident).not.toBeNull();
    expect(report.regions[0]?.region).toBe("FR");
  });

  it("counts a file imported twice once, and says the second time that it was already imported", async () => {
    const store = `sqlite://${join(dir, "twice.sqlite")}`;
    const file = join(dir, "twice.ndjson");
    writeFileSync(file, `${outageLines().join("\n")}\n`);
    const first = await runCli(["ingest", file], { env: { STORE_URL: store }, now: NOW });
    expect(first.code).toBe(0);
    const second = await runCli(["ingest", file], { env: { STORE_URL: store }, now: NOW + 60_000 });
    expect(second.code).toBe(1);
    expect(second.stderr).toContain("already imported");
    const ask = await runCli(["ask", "/outage status x", "--json", "--at", new Date(NOW).toISOString()], {
      env: { STORE_URL: store },
    });
    expect(StatusReportSchema.parse(JSON.parse(ask.stdout)).crowd.lastHour).toBe(40);
  });

  it("counts the reports two different, overlapping exports share once, across days and in any order", async () => {
    const store = `sqlite://${join(dir, "overlap.sqlite")}`;
    // One report an hour for three days from a different person each time; the two exports share the middle day.
    const line = (h: number) =>
      JSON.stringify({ service: "github", at: new Date(NOW - h * 3_600_000).toISOString(), reporter: `p${h}` });
    const hours = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
    writeFileSync(join(dir, "export-a.ndjson"), `${hours(24, 72).map(line).join("\n")}\n`);
    writeFileSync(join(dir, "export-b.ndjson"), `${hours(0, 48).reverse().map(line).join("\n")}\n`);
    const a = await runCli(["ingest", join(dir, "export-a.ndjson")], { env: { STORE_URL: store }, now: NOW });
    expect(a.stdout).toContain("export-a.ndjson: 48 accepted, 0 rejected");
    const b = await runCli(["ingest", join(dir, "export-b.ndjson")], { env: { STORE_URL: store }, now: NOW });
    expect(b.code).toBe(0);
    expect(b.stdout).toContain("export-b.ndjson: 24 accepted, 24 rejected");
    expect(b.stdout).toContain("duplicate: 24");
    expect(b.stdout).toContain("already imported (in export-a.ndjson): counted once");
    // A line without its own time is a new report each time: it has no identity to match.
    const c = await runCli(["ingest", "-"], {
      env: { STORE_URL: store },
      now: NOW,
      stdin: `${JSON.stringify({ service: "github", reporter: "p5" })}\n`,
    });
    expect(c.stdout).toContain("1 accepted");
    // Inside the shared day each hour holds its one report, not two.
    for (const h of [30, 40]) {
      const asOf = new Date(NOW - h * 3_600_000 + 30 * 60_000).toISOString();
      const ask = await runCli(["ask", "/outage status github", "--json", "--at", asOf], { env: { STORE_URL: store } });
      expect(StatusReportSchema.parse(JSON.parse(ask.stdout)).crowd.lastHour).toBe(1);
    }
  });

  it("saves what it imported, so ask answers from the store afterwards", async () => {
    const storeUrl = `sqlite://${join(dir, "outage.sqlite")}`;
    const file = join(dir, "outage.ndjson");
    writeFileSync(file, `${outageLines().join("\n")}\n`);
    expect((await runCli(["ingest", file], { env: { STORE_URL: storeUrl }, now: NOW })).stdout).toContain(
      "40 accepted, 0 rejected",
    );

    const run = await runCli(["ask", "/outage status twitter", "--json"], { env: { STORE_URL: storeUrl }, now: NOW });
    expect(run.code).toBe(0);
    const report = StatusReportSchema.parse(JSON.parse(run.stdout));
    expect(report.service).toEqual({ id: "x", name: "X" });
    expect(report.crowd.lastHour).toBe(40);
    expect(report.level).not.toBe("operational");
    expect(report.regions[0]).toMatchObject({ region: "GB", reports: 30 });
  });
});

describe("outage-bot ask", () => {
  it("prints only the status report JSON on stdout with --json", async () => {
    const run = await runCli(["ask", "/outage status github", "--json"], { env: { STORE_URL: "memory://" } });
    expect(run.code).toBe(0);
    const report = StatusReportSchema.parse(JSON.parse(run.stdout));
    expect(report).toMatchObject({ service: { id: "github" }, level: "operational", incident: null });
  });

  it("answers as of --at", async () => {
    const run = await runCli(["ask", "/outage status github", "--json", "--at", "2026-11-20T08:30:00Z"], {
      env: { STORE_URL: "memory://" },
    });
    expect(JSON.parse(run.stdout).asOf).toBe("2026-11-20T08:30:00.000Z");
  });

  it("prints readable text without --json", async () => {
    const run = await runCli(["ask", "/outage status github"], { env: { STORE_URL: "memory://" } });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("GitHub");
    expect(run.stdout).toContain("Operational");
  });

  it("lists the services with problems now when no service is named", async () => {
    const run = await runCli(["ask", "/outage status", "--json"], { env: { STORE_URL: "memory://" } });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([]);
  });

  it("exits 1 with suggestions for a service it does not know", async () => {
    const run = await runCli(["ask", "/outage status githbu"], { env: { STORE_URL: "memory://" } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("GitHub");
  });
});
