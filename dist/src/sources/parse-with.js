import { sourceError } from "./source-error.js";
/** Validates a payload with a zod schema; a mismatch becomes a `parse` SourceError naming the paths. */
export function parseWith(schema, json, what) {
    const result = schema.safeParse(json);
    if (result.success)
        return { ok: true, value: result.data };
    const issues = result.error.issues
        .slice(0, 3)
        .map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`)
        .join("; ");
    return { ok: false, error: sourceError("parse", `${what} does not match the expected format (${issues})`) };
}
//# sourceMappingURL=parse-with.js.map