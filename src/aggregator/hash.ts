import { createHmac } from "node:crypto";

/**
 * One-way identity hash: HMAC-SHA256 keyed with the deployment's salt, truncated to 128 bits
 * (base64url, 22 characters). `kind` separates reporters from origins so equal raw ids never collide.
 */
export function hashIdentity(salt: string, kind: "reporter" | "origin", raw: string): string {
  return createHmac("sha256", salt).update(`${kind}:${raw}`).digest().subarray(0, 16).toString("base64url");
}
