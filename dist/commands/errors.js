/**
 * An error whose message is safe to show the person who asked, and says what to do next.
 * Anything else thrown by a handler is logged and answered with an apology and an error id.
 */
export class UserError extends Error {
    name = "UserError";
    /** Did-you-mean values (service or region ids), best first. */
    suggestions;
    constructor(message, options = {}) {
        super(message, options.cause === undefined ? undefined : { cause: options.cause });
        this.suggestions = options.suggestions ?? [];
    }
}
/** True for a UserError, also one from another copy of this module. */
export function isUserError(error) {
    return error instanceof UserError || (error instanceof Error && error.name === "UserError");
}
//# sourceMappingURL=errors.js.map