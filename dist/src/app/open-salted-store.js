import { randomBytes } from "node:crypto";
import { openStore } from "../store/index.js";
/** A fresh secret for reporter hashes when REPORTER_SALT is not set. */
function generateSalt() {
    return randomBytes(32).toString("base64url");
}
/**
 * Opens the configured store and finds the salt identities are hashed with: REPORTER_SALT, else
 * the one generated on first start and kept in the store. Every process of a deployment (app,
 * workers, gateways, the exclude command) must agree on it, so all of them get it here.
 */
export async function openSaltedStore(config, logger) {
    const store = await openStore(config.STORE_URL, {
        logger,
        namespace: config.STORE_NAMESPACE,
        timeoutMs: config.STORE_TIMEOUT_MS,
    });
    try {
        return { store, salt: config.REPORTER_SALT ?? (await store.meta.reporterSalt(generateSalt)) };
    }
    catch (error) {
        await store.close().catch(() => undefined);
        throw error;
    }
}
//# sourceMappingURL=open-salted-store.js.map