/** What went wrong with the store, for callers that react differently (health checks, start-up). */
export const STORE_ERROR_KINDS = [
    "unreachable",
    "timeout",
    "corrupt",
    "unreadable",
    "invalid_value",
    "newer_schema",
    "closed",
    "failed",
];
/** A store failure with a message a person can act on. */
export class StoreError extends Error {
    kind;
    name = "StoreError";
    constructor(kind, message, options) {
        super(message, options);
        this.kind = kind;
    }
}
//# sourceMappingURL=store-error.js.map