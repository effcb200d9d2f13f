import { lookup as dnsLookup } from "node:dns";
import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import { isIP } from "node:net";
import nodeFetch from "node-fetch";
import { createAddressRules } from "./address-rules.js";
/** The `code` of the error a refused address gives; getJson turns it into an `address` source error. */
export const ADDRESS_REFUSED = "ERR_ADDRESS_REFUSED";
/** A fetch refused because the address is not public. */
export class AddressRefusedError extends Error {
    name = "AddressRefusedError";
    code = ADDRESS_REFUSED;
}
/**
 * node-fetch that reaches only public addresses (unless `allowance` says otherwise). A host given as
 * an IP is checked before connecting; a host name is checked by the agents' `lookup`, so the address
 * checked is the address connected to: a name that resolves differently a moment later (DNS
 * rebinding) cannot slip through. getJson follows redirects itself, so every hop comes through here.
 */
export function createPublicFetch(options) {
    const fetch = options.fetch ?? nodeFetch;
    if (options.allowance.kind === "all")
        return fetch;
    const rules = createAddressRules(options.allowance);
    const refuse = (host, ip, what) => new AddressRefusedError(`${host === ip ? ip : `${host} resolves to ${ip}, which`} is ${what}; status pages must be public (STATUS_PAGES_ALLOW_PRIVATE allows it)`);
    const lookup = (hostname, lookupOptions, callback) => {
        const wantsAll = lookupOptions.all === true;
        dnsLookup(hostname, { ...lookupOptions, all: true }, (error, addresses) => {
            if (error)
                return callback(error, wantsAll ? [] : "");
            const refused = addresses.map((a) => ({ a, why: rules.refusal(a.address) }));
            const usable = refused.filter((r) => r.why === null).map((r) => r.a);
            const first = refused[0];
            if (usable.length === 0 || !first) {
                const why = first ? refuse(hostname, first.a.address, first.why ?? "") : new Error(`${hostname}: no address`);
                return callback(why, wantsAll ? [] : "");
            }
            if (wantsAll)
                return callback(null, usable);
            return callback(null, usable[0].address, usable[0].family);
        });
    };
    const agentOptions = { keepAlive: true, lookup: lookup };
    const http = new HttpAgent(agentOptions);
    const https = new HttpsAgent(agentOptions);
    return async (url, init) => {
        const { hostname, protocol } = new URL(url);
        const host = hostname.replace(/^\[|\]$/g, "");
        if (isIP(host) !== 0) {
            const why = rules.refusal(host);
            if (why !== null)
                throw refuse(host, host, why);
        }
        return fetch(url, { ...init, agent: protocol === "https:" ? https : http });
    };
}
//# sourceMappingURL=public-fetch.js.map