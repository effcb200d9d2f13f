import { type ParseError, parse } from "jsonc-parser";

/** Strict JSON: jsonc-parser's extensions (comments, trailing commas, an empty text) off. */
const STRICT = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false } as const;

/** Offset of the first token that makes `text` invalid JSON, by jsonc-parser's scanner; null for valid JSON. */
export function firstJsonError(text: string): number | null {
  const errors: ParseError[] = [];
  parse(text, errors, STRICT);
  return errors[0]?.offset ?? null;
}

/**
 * Where a JSON text first goes wrong, as 1-based line and column, for an error a person can act on
 * (V8's JSON.parse names no position for an unexpected token). Called after JSON.parse failed.
 */
export function jsonErrorLocation(text: string): { line: number; column: number } {
  const offset = firstJsonError(text) ?? text.length;
  const before = text.slice(0, offset);
  return { line: before.split("\n").length, column: offset - before.lastIndexOf("\n") };
}
