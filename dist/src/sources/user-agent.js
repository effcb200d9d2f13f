import pkg from "../../package.json" with { type: "json" };
/**
 * `User-Agent` of every status page request: names the bot and its version, and, when the operator
 * set STATUS_POLL_CONTACT, where a status page's owner can reach whoever runs this copy.
 */
export function userAgent(contact) {
    return contact ? `outage-bot/${pkg.version} (+${contact})` : `outage-bot/${pkg.version} (status page poller)`;
}
/** The User-Agent without a contact. */
export const USER_AGENT = userAgent();
//# sourceMappingURL=user-agent.js.map