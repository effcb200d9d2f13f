import type { z } from "zod";
import { type SourceError, sourceError } from "./source-error.js";

/** Validates a payload with a zod schema; a mismatch becomes a `parse` SourceError naming the paths. */
export function parseWith<T extends z.ZodType>(
  schema: T,
  json: unknown,
  what: string,
): { ok: true; value: z.infer<T> } | { ok: false; error: SourceError } {
  const result = schema.safeParse(json);
  if (result.success) return { ok: true, value: result.data };
  const issues = result.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`)
    .join("; ");
  return { ok: false, error: sourceError("parse", `${what} does not match the expected format (${issues})`) };
}
