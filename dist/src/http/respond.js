/** An error answered to the client as `{ error, message }` with its HTTP status. */
export class HttpError extends Error {
    status;
    code;
    headers;
    extra;
    constructor(status, code, message, headers = {}, extra = {}) {
        super(message);
        this.status = status;
        this.code = code;
        this.headers = headers;
        this.extra = extra;
    }
}
const SECURITY_HEADERS = { "x-content-type-options": "nosniff" };
/** Sends a JSON body with the given status and headers. */
export function sendJson(res, status, body, headers = {}) {
    sendText(res, status, JSON.stringify(body), { "content-type": "application/json; charset=utf-8", ...headers });
}
/** Sends a text or binary body with the given status and headers. */
export function sendText(res, status, body, headers = {}) {
    if (res.headersSent)
        return;
    const bytes = typeof body === "string" ? Buffer.from(body) : body;
    res.writeHead(status, { ...SECURITY_HEADERS, "content-length": bytes.byteLength, ...headers });
    res.end(bytes);
}
/** Sends an HttpError as `{ error, message, ...extra }`. */
export function sendError(res, err) {
    sendJson(res, err.status, { error: err.code, message: err.message, ...err.extra }, err.headers);
}
//# sourceMappingURL=respond.js.map