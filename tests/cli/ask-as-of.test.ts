import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StatusReportSchema } from "../../src/domain/status-report.js";
import { runCli } from "./run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "outage-cli-ask-"));
const file = join(dir, "x.sqlite");
const env = { STORE_URL: `sqlite://${file}` };
const AT = "2025-03-10T14:00:00Z";
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  const run = await runCli(["replay", "x-outage", "--save"], { env });
  expect(run.code).toBe(0);
}, 60_000);

const asJson = async (command: string) => {
  const run = await runCli(["ask", command, "--json", "--at", AT], { env });
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
};

describe("ask is read-only", () => {
  it("leaves the store byte for byte as it was, and the same --at answer stands after a plain ask", async () => {
    const before = await asJson("/outage status x");
    const bytes = readFileSync(file);
    expect((await runCli(["ask", "/outage status x"], { env })).code).toBe(0);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(await asJson("/outage status x")).toEqual(before);
    expect(before.incident).not.toBeNull();
  });

  it("refuses a report with a message that says where reports go", async () => {
    const bytes = readFileSync(file);
    const run = await runCli(["ask", "/outage report x"], { env });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/ask only asks: \/outage report would change the store/);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });
});

describe("ask --chart", () => {
  it("saves the chart PNG the answer carries, zoomed on the outage that began 35 minutes before", async () => {
    const out = join(dir, "x.png");
    const run = await runCli(["ask", "/outage status x", "--at", AT, "--chart", out], { env });
    expect(run.code).toBe(0);
    const png = readFileSync(out);
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect(run.stderr).toContain(`Chart saved to ${out}`);
  });

  it("draws the chart only when it is to be saved: the text answer without --chart names none", async () => {
    const plain = await runCli(["ask", "/outage status x", "--at", AT], { env });
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain("X");
    expect(plain.stdout).not.toContain("[chart:");
    const saved = await runCli(["ask", "/outage status x", "--at", AT, "--chart", join(dir, "x2.png")], { env });
    expect(saved.stdout).toContain("[chart: status-x.png]");
  });

  it("says so when the answer has no chart", async () => {
    const run = await runCli(["ask", "/outage services", "--chart", join(dir, "none.png")], { env });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain("--chart: this answer has no chart to save");
  });
});

describe("ask --at shows nothing from after the time asked", () => {
  it("names no peak, update or resolution after 14:00 in the status", async () => {
    const status = StatusReportSchema.parse(await asJson("/outage status x"));
    const at = Date.parse(AT);
    expect(status.asOf).toBe(new Date(at).toISOString());
    expect(Date.parse(status.incident!.peakAt)).toBeLessThan(at);
    expect(Date.parse(status.incident!.startedAt)).toBeLessThan(at);
    expect(status.incident!.resolvedAt).toBeNull();
  });

  it("lists the incident as ongoing at the status's level, with its totals up to 14:00", async () => {
    const status = await asJson("/outage status x");
    const [incident] = await asJson("/outage incidents x");
    expect(incident.resolvedAt).toBeNull();
    // ISO 8601 like every other JSON answer, not epoch milliseconds.
    expect(incident.startedAt).toBe("2025-03-10T13:25:00.000Z");
    expect(incident.currentLevel).toBe(status.level);
    expect(Date.parse(incident.peakAt)).toBeLessThan(Date.parse(AT));
    expect(Date.parse(incident.updatedAt)).toBeLessThanOrEqual(Date.parse(AT));
    expect(incident.peakPerMinute).toBe(status.incident.peakPerMinute);
  });

  it("says Ongoing in the text, never a resolution or Operational while the status says major outage", async () => {
    const run = await runCli(["ask", "/outage incidents x", "--at", AT], { env });
    expect(run.stdout).toContain("now Major outage");
    // Relative times read against the time asked, not printed twice as the same UTC time.
    expect(run.stdout).toContain("Started 2025-03-10 13:25 UTC (35 min ago)");
    expect(run.stdout).not.toMatch(/resolved|Operational|16:33/);
  });
});
