import { createPublicKey, verify } from "node:crypto";
/** DER prefix that turns a raw 32-byte Ed25519 public key into an SPKI structure Node can import. */
const ED25519_SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");
/** Imports a Discord application public key (64 hex digits) once, as a Node key object. */
export function importDiscordPublicKey(hex) {
    if (!/^[0-9a-fA-F]{64}$/.test(hex))
        throw new Error("the Discord public key must be 64 hex digits");
    return createPublicKey({
        key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, "hex")]),
        format: "der",
        type: "spki",
    });
}
/**
 * Builds the verifier for one public key. `maxSkewS` is how far the signed timestamp may be from
 * now, in seconds (0 turns that check off); the timestamp is checked after the signature so an
 * unsigned request learns nothing about the clock.
 */
export function createInteractionVerifier(publicKeyHex, maxSkewS) {
    const key = importDiscordPublicKey(publicKeyHex);
    return (signatureHex, timestamp, rawBody, nowMs) => {
        if (!signatureHex || !timestamp)
            return "missing_signature";
        if (!/^[0-9a-fA-F]{128}$/.test(signatureHex) || !/^\d{1,15}$/.test(timestamp))
            return "malformed_signature";
        const signed = Buffer.concat([Buffer.from(timestamp, "utf8"), rawBody]);
        if (!verify(null, signed, key, Buffer.from(signatureHex, "hex")))
            return "bad_signature";
        if (maxSkewS > 0 && Math.abs(nowMs / 1000 - Number(timestamp)) > maxSkewS)
            return "stale_timestamp";
        return null;
    };
}
//# sourceMappingURL=signature.js.map