import { z } from "zod";
/** Ways fetching or reading a status page can fail. */
/** `address`: the page (or a redirect) points at a loopback, private, link-local or metadata address. */
export const SOURCE_ERROR_KINDS = ["http", "parse", "network", "timeout", "too_large", "redirect", "address"];
export const SourceErrorKindSchema = z.enum(SOURCE_ERROR_KINDS);
/** One error type for every source: a kind to branch on and a reason people can read. */
export const SourceErrorSchema = z.object({
    kind: SourceErrorKindSchema,
    reason: z.string(),
    /** HTTP status of the answer, when there was one. */
    httpStatus: z.number().nullable().default(null),
    /** Milliseconds the server asked us to wait (429/503 `Retry-After`), when it said so. */
    retryAfterMs: z.number().nullable().default(null),
});
/** Builds a SourceError. */
export function sourceError(kind, reason, extra = {}) {
    return { kind, reason, httpStatus: extra.httpStatus ?? null, retryAfterMs: extra.retryAfterMs ?? null };
}
/** A one-line description of an error, as stored in `OfficialStatus.error`. */
export function describeSourceError(error) {
    return `${error.kind}: ${error.reason}`;
}
//# sourceMappingURL=source-error.js.map