import type { ServerResponse } from "node:http";

/** An error answered to the client as `{ error, message }` with its HTTP status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

const SECURITY_HEADERS = { "x-content-type-options": "nosniff" } as const;

/** Sends a JSON body with the given status and headers. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string | number> = {},
): void {
  sendText(res, status, JSON.stringify(body), { "content-type": "application/json; charset=utf-8", ...headers });
}

/** Sends a text or binary body with the given status and headers. */
export function sendText(
  res: ServerResponse,
  status: number,
  body: string | Uint8Array,
  headers: Record<string, string | number> = {},
): void {
  if (res.headersSent) return;
  const bytes = typeof body === "string" ? Buffer.from(body) : body;
  res.writeHead(status, { ...SECURITY_HEADERS, "content-length": bytes.byteLength, ...headers });
  res.end(bytes);
}

/** Sends an HttpError as `{ error, message, ...extra }`. */
export function sendError(res: ServerResponse, err: HttpError): void {
  sendJson(res, err.status, { error: err.code, message: err.message, ...err.extra }, err.headers);
}
