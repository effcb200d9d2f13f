/** How far an import has got: bytes read of the whole, reports read so far. */
export interface IngestProgress {
  update(bytesRead: number, reports: number): void;
  stop(): void;
}

/** A terminal stream as cli-progress drives it (process.stderr on a terminal). */
type TerminalStream = NodeJS.WritableStream & { isTTY?: boolean };

const SILENT: IngestProgress = { update() {}, stop() {} };

/**
 * A progress bar with reports/s on `stream` when it is a terminal (cli-progress, loaded only
 * then), nothing at all when it is a pipe or a file: the summary stays the only output there.
 * `totalBytes` null (standard input): counts and rate without a bar.
 */
export async function ingestProgress(
  stream: unknown,
  totalBytes: number | null,
  now: () => number = () => performance.now(),
): Promise<IngestProgress> {
  const tty = stream as TerminalStream;
  if (tty?.isTTY !== true) return SILENT;
  const { SingleBar } = (await import("cli-progress")).default;
  const bar = new SingleBar({
    stream: tty,
    format:
      totalBytes === null
        ? "importing · {reports} reports · {rate} reports/s"
        : "importing {bar} {percentage}% · {reports} reports · {rate} reports/s · ETA {eta_formatted}",
    barsize: 30,
    hideCursor: true,
    clearOnComplete: true,
    etaBuffer: 50,
  });
  const started = now();
  const payload = (reports: number) => {
    const seconds = (now() - started) / 1000;
    return {
      reports: reports.toLocaleString("en"),
      rate: seconds > 0 ? Math.round(reports / seconds).toLocaleString("en") : "…",
    };
  };
  bar.start(totalBytes ?? 0, 0, payload(0));
  return {
    update(bytesRead, reports) {
      bar.update(totalBytes === null ? 0 : Math.min(bytesRead, totalBytes), payload(reports));
    },
    stop() {
      bar.stop();
    },
  };
}
