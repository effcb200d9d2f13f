/** Where a CLI run reads and writes; tests pass their own, the executable uses the process's. */
export interface CliIo {
  env: NodeJS.ProcessEnv;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  stdin: NodeJS.ReadableStream;
  /** The clock; Date.now for the executable. */
  now: () => number;
  /** Aborted when `start` should stop; SIGINT/SIGTERM of the process when absent. */
  stop?: AbortSignal;
}

/** Aborted on SIGINT or SIGTERM (which then no longer end the process by themselves). */
export function processStop(): AbortSignal {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  return controller.signal;
}

/** Fills what a caller left out with the process's own streams, environment, clock and signals. */
export function withProcessDefaults(io: Partial<CliIo>): CliIo {
  return {
    env: io.env ?? process.env,
    stdout: io.stdout ?? process.stdout,
    stderr: io.stderr ?? process.stderr,
    // On first use: process.stdin builds a stream (~10% of an `ask`) that only ingest and the console read.
    get stdin() {
      return io.stdin ?? process.stdin;
    },
    now: io.now ?? (() => Date.now()),
    ...(io.stop ? { stop: io.stop } : {}),
  };
}

/** A mistake in how the command was typed; exits with code 2 and a pointer to `help`. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}
