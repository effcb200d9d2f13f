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
] as const;
export type StoreErrorKind = (typeof STORE_ERROR_KINDS)[number];

/** A store failure with a message a person can act on. */
export class StoreError extends Error {
  override readonly name = "StoreError";
  constructor(
    readonly kind: StoreErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
