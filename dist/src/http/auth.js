import { createHash, timingSafeEqual } from "node:crypto";
import { z } from "zod";
const TokenEntrySchema = z.object({
    name: z.string().regex(/^[A-Za-z0-9_.-]{1,40}$/, "token names are 1–40 letters, digits, dots, dashes or underscores"),
    token: z.string().min(16, "tokens must be at least 16 characters"),
});
/** Parses `API_TOKENS` (`name:token,name2:token2`); throws a message naming the bad entry. */
export function parseApiTokens(raw) {
    if (!raw || raw.trim() === "")
        return [];
    const tokens = raw.split(",").map((entry, index) => {
        const at = entry.indexOf(":");
        const parsed = TokenEntrySchema.safeParse({ name: entry.slice(0, at).trim(), token: entry.slice(at + 1).trim() });
        if (at < 0 || !parsed.success) {
            const why = parsed.success ? "expected name:token" : parsed.error.issues[0].message;
            throw new Error(`API_TOKENS entry ${index + 1} is invalid: ${why}`);
        }
        return parsed.data;
    });
    const names = new Set(tokens.map((t) => t.name));
    if (names.size !== tokens.length)
        throw new Error("API_TOKENS has two tokens with the same name");
    return tokens;
}
/**
 * Builds a checker for `Authorization: Bearer <token>` headers. Tokens are compared as SHA-256
 * digests with `timingSafeEqual`, so neither their content nor their length leaks through timing.
 * Returns the token's name, or null.
 */
export function createTokenChecker(tokens) {
    const digests = tokens.map((t) => ({ name: t.name, digest: sha256(t.token) }));
    return (authorization) => {
        if (!authorization)
            return null;
        const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
        if (!match)
            return null;
        const offered = sha256(match[1]);
        let found = null;
        // Compare against every token, without stopping early, so the position of a match does not show.
        for (const { name, digest } of digests) {
            if (timingSafeEqual(offered, digest) && found === null)
                found = name;
        }
        return found;
    };
}
function sha256(text) {
    return createHash("sha256").update(text).digest();
}
//# sourceMappingURL=auth.js.map