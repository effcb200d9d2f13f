import { HttpError } from "./respond.js";
/** Reads the whole request body as raw bytes, or fails with 413 as soon as it passes `limit` bytes. */
export function readBody(req, limit) {
    const declared = Number(req.headers["content-length"]);
    if (Number.isFinite(declared) && declared > limit) {
        // Drain without buffering so the connection can answer; the body is never kept.
        req.resume();
        return Promise.reject(tooLarge(limit));
    }
    return new Promise((resolve, reject) => {
        const chunks = [];
        let size = 0;
        let failed = false;
        req.on("data", (chunk) => {
            if (failed)
                return;
            size += chunk.byteLength;
            if (size > limit) {
                failed = true;
                chunks.length = 0;
                reject(tooLarge(limit));
                return;
            }
            chunks.push(chunk);
        });
        req.on("end", () => {
            if (!failed)
                resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size));
        });
        req.on("error", (err) => {
            if (!failed)
                reject(new HttpError(400, "bad_request", `could not read the body: ${err.message}`));
            failed = true;
        });
    });
}
function tooLarge(limit) {
    return new HttpError(413, "body_too_large", `the body is larger than ${limit} bytes; send smaller batches`);
}
/** The media type of a request, lower case and without parameters (`application/json`). */
export function mediaType(req) {
    const raw = req.headers["content-type"] ?? "";
    return raw.split(";", 1)[0].trim().toLowerCase();
}
//# sourceMappingURL=body.js.map