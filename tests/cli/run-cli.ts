import { Readable } from "node:stream";
import { main } from "../../src/cli/run-cli.js";

/** What one in-process CLI run printed and returned. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `outage-bot <argv>` in this process with the given environment, stdin and clock. */
export async function runCli(
  argv: string[],
  options: {
    env?: NodeJS.ProcessEnv;
    stdin?: string | Readable;
    now?: number;
    stop?: AbortSignal;
    onStderr?: (text: string) => void;
  } = {},
): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    env: { LOG_LEVEL: "silent", ...options.env },
    stdout: { write: (text: string) => (stdout += text) },
    stderr: {
      write: (text: string) => {
        stderr += text;
        options.onStderr?.(text);
        return true;
      },
    },
    stdin:
      options.stdin instanceof Readable
        ? options.stdin
        : Readable.from(options.stdin === undefined ? [] : [options.stdin]),
    now: () => options.now ?? Date.parse("2026-11-26T12:00:00Z"),
    stop: options.stop ?? new AbortController().signal,
  });
  return { code, stdout, stderr };
}
