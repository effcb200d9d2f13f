import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { ingestProgress } from "../../src/cli/ingest-progress.js";
import { runCli } from "./run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "outage-cli-progress-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A stream that says it is a terminal and keeps what is written to it. */
function fakeTerminal(): Writable & { isTTY: boolean; columns: number; text: () => string } {
  let written = "";
  const stream = new Writable({
    write(chunk, _encoding, done) {
      written += String(chunk);
      done();
    },
  });
  return Object.assign(stream, { isTTY: true, columns: 120, text: () => written });
}

describe("ingest progress", () => {
  it("draws a bar with the reports read and reports/s on a terminal", async () => {
    const terminal = fakeTerminal();
    let ms = 0;
    const progress = await ingestProgress(terminal, 1_000, () => ms);
    ms = 2_000;
    progress.update(500, 40_000);
    progress.stop();
    expect(terminal.text()).toContain("50%");
    expect(terminal.text()).toContain("40,000 reports");
    expect(terminal.text()).toContain("20,000 reports/s");
  });

  it("shows counts and rate without a bar when the size is unknown (standard input)", async () => {
    const terminal = fakeTerminal();
    let ms = 0;
    const progress = await ingestProgress(terminal, null, () => ms);
    ms = 1_000;
    progress.update(10, 3_000);
    progress.stop();
    expect(terminal.text()).toContain("3,000 reports/s");
    expect(terminal.text()).not.toContain("%");
  });

  it("writes nothing when the output is not a terminal", async () => {
    const pipe = Object.assign(fakeTerminal(), { isTTY: false });
    const progress = await ingestProgress(pipe, 1_000);
    progress.update(1_000, 10);
    progress.stop();
    expect(pipe.text()).toBe("");
  });

  it("leaves a piped import's output to the summary alone", async () => {
    const file = join(dir, "few.ndjson");
    const lines = Array.from({ length: 30 }, (_, i) =>
      JSON.stringify({ service: "x", problem: "app", at: "2026-11-26T11:58:00Z", reporter: `p${i}` }),
    );
    writeFileSync(file, `${lines.join("\n")}\n`);
    const run = await runCli(["ingest", file], { env: { STORE_URL: "memory://" } });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("few.ndjson: 30 accepted, 0 rejected\n");
    expect(run.stderr).toBe("");
  });
});
