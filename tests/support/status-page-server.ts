import { readFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

const FIXTURES = new URL("./fixtures/status-pages/", import.meta.url);

/** Raw text of a fixture under tests/support/fixtures/status-pages/ (e.g. "atlassian/major.json"). */
export function fixtureText(name: string): string {
  return readFileSync(new URL(name, FIXTURES), "utf8");
}

/** A fixture parsed as JSON. */
export function fixtureJson<T = unknown>(name: string): T {
  return JSON.parse(fixtureText(name)) as T;
}

/**
 * One scripted answer. By default a 200 with the JSON `body` or `fixture`; `etag` turns on
 * conditional answers (304 when If-None-Match matches); the misbehaviours say how to fail.
 */
export interface Step {
  status?: number;
  headers?: Record<string, string>;
  /** An object or array is sent as JSON; a string is sent as is. */
  body?: unknown;
  fixture?: string;
  etag?: string;
  /** Redirects (302) to this path or URL. */
  redirectTo?: string;
  /** Answers nothing, ever. */
  hang?: boolean;
  /** Sends headers and then body chunks forever. */
  endless?: boolean;
  /** Sends a JSON body of about this many bytes; `declare` also sends its Content-Length. */
  oversized?: { bytes: number; declare: boolean };
}

/** A request the server saw. */
export interface SeenRequest {
  path: string;
  headers: IncomingHttpHeaders;
}

/** A loopback HTTP server playing status pages from scripts. */
export interface StatusPageServer {
  /** `http://<host>:<port>` */
  url: string;
  /** Scripts a path: steps are played in order and the last repeats. */
  route(path: string, ...steps: Step[]): void;
  requests: SeenRequest[];
  /** How many requests hit a path. */
  hits(path: string): number;
  /** Endless bodies still being sent (their client has not hung up). */
  openStreams(): number;
  close(): Promise<void>;
}

/** Starts a status page server on a loopback address (127.0.0.1 unless given) and a port (a free one unless given). */
export async function startStatusPageServer(host = "127.0.0.1", port = 0): Promise<StatusPageServer> {
  const routes = new Map<string, { steps: Step[]; played: number }>();
  const requests: SeenRequest[] = [];
  const timers = new Set<ReturnType<typeof setInterval>>();

  const play = (step: Step, ifNoneMatch: string | undefined, res: ServerResponse) => {
    if (step.hang) return;
    if (step.redirectTo) {
      res.writeHead(302, { location: step.redirectTo });
      res.end();
      return;
    }
    if (step.etag && ifNoneMatch === step.etag) {
      res.writeHead(304, { etag: step.etag });
      res.end();
      return;
    }
    const headers: Record<string, string> = { "content-type": "application/json; charset=utf-8", ...step.headers };
    if (step.etag) headers.etag = step.etag;
    if (step.endless) {
      res.writeHead(step.status ?? 200, headers);
      res.write('{"page":{"id":"x","name":"endless","url":"http://example.invalid"},"pad":"');
      const timer = setInterval(() => res.write("x".repeat(64)), 20);
      timers.add(timer);
      res.on("close", () => {
        clearInterval(timer);
        timers.delete(timer);
      });
      return;
    }
    if (step.oversized) {
      const body = `{"pad":"${"x".repeat(step.oversized.bytes)}"}`;
      if (step.oversized.declare) headers["content-length"] = String(Buffer.byteLength(body));
      res.writeHead(step.status ?? 200, headers);
      // Chunked writes so an early abort by the client is real streaming, not one big buffer.
      for (let i = 0; i < body.length; i += 65_536) res.write(body.slice(i, i + 65_536));
      res.end();
      return;
    }
    const raw = step.fixture ? fixtureText(step.fixture) : step.body;
    const text = raw === undefined ? "" : typeof raw === "string" ? raw : JSON.stringify(raw);
    res.writeHead(step.status ?? 200, headers);
    res.end(text);
  };

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
    requests.push({ path, headers: req.headers });
    const route = routes.get(path);
    if (!route) {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("no such page");
      return;
    }
    const step = route.steps[Math.min(route.played, route.steps.length - 1)]!;
    route.played++;
    const inm = req.headers["if-none-match"];
    play(step, Array.isArray(inm) ? inm[0] : inm, res);
  });
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const bound = (server.address() as AddressInfo).port;

  return {
    url: `http://${host}:${bound}`,
    route(path, ...steps) {
      routes.set(path, { steps, played: 0 });
    },
    requests,
    hits: (path) => requests.filter((r) => r.path === path).length,
    openStreams: () => timers.size,
    async close() {
      for (const timer of timers) clearInterval(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
