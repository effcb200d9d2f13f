import { type ChildProcess, type SpawnOptions, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The project root (where `npm start` runs) and the executable. */
export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const BIN = join(ROOT, "src/bin/outage-bot.js");

/** A bot process as an operator starts it, with what it printed so far. */
export interface SpawnedBot {
  proc: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the first JSON log line whose msg is `msg` (rejects if the output closes first). */
  logged(msg: string): Promise<Record<string, unknown>>;
  /** Resolves with the exit code (or signal name) of the spawned command. */
  exited: Promise<number | string>;
  /** Resolves when every process holding the output (a wrapper's child too) has let go of it. */
  outputClosed: Promise<void>;
}

/** A fresh directory for one test's store and logs. */
export function scratchDir(): string {
  return mkdtempSync(join(tmpdir(), "outage-bot-proc-"));
}

/** Spawns `command args` in the project root with `env` over a clean environment; output is collected. */
export function spawnBot(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  options: Pick<SpawnOptions, "detached" | "stdio"> = {},
): SpawnedBot {
  const proc = spawn(command, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: "info", POLL_STATUS_PAGES: "false", ...env },
    stdio: options.stdio ?? ["ignore", "pipe", "pipe"],
    ...(options.detached ? { detached: true } : {}),
  });
  let out = "";
  let err = "";
  proc.stdout?.on("data", (chunk: Buffer) => {
    out += chunk.toString();
  });
  const waiters = new Set<() => void>();
  proc.stderr?.on("data", (chunk: Buffer) => {
    err += chunk.toString();
    for (const wake of waiters) wake();
  });
  const exited = new Promise<number | string>((resolve) =>
    proc.once("exit", (code, signal) => resolve(code ?? signal ?? "unknown")),
  );
  let closed = false;
  const outputClosed = new Promise<void>((resolve) =>
    proc.once("close", () => {
      closed = true;
      for (const wake of waiters) wake();
      resolve();
    }),
  );
  const find = (msg: string) =>
    err
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((line) => line.msg === msg);
  return {
    proc,
    stdout: () => out,
    stderr: () => err,
    exited,
    outputClosed,
    logged: (msg) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const line = find(msg);
          if (line) {
            waiters.delete(check);
            resolve(line);
          } else if (closed) {
            waiters.delete(check);
            reject(new Error(`exited before logging "${msg}":\n${err}`));
          }
        };
        waiters.add(check);
        check();
      }),
  };
}

/** True while any process of the group still exists. */
export function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}
