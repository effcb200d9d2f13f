import type { LookupAddress } from "node:dns";
import type { Agent } from "node:http";
import { isIP } from "node:net";
import { createAddressRules, type PrivateAllowance } from "./address-rules.js";
import type { FetchFn } from "./source.js";

/** The `code` of the error a refused address gives; getJson turns it into an `address` source error. */
export const ADDRESS_REFUSED = "ERR_ADDRESS_REFUSED";

/** node-fetch, loaded by the first request: a process that fetches no status page (`ask`) skips ~50 ms. */
const lazyNodeFetch: FetchFn = async (url, init) => (await import("node-fetch")).default(url, init);

/** A fetch refused because the address is not public. */
export class AddressRefusedError extends Error {
  override readonly name = "AddressRefusedError";
  readonly code = ADDRESS_REFUSED;
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * node-fetch that reaches only public addresses (unless `allowance` says otherwise). A host given as
 * an IP is checked before connecting; a host name is checked by the agents' `lookup`, so the address
 * checked is the address connected to: a name that resolves differently a moment later (DNS
 * rebinding) cannot slip through. getJson follows redirects itself, so every hop comes through here.
 */
export function createPublicFetch(options: {
  allowance: PrivateAllowance;
  fetch?: FetchFn;
  /** Resolves a host name to every address it has (default: the system resolver); tests play DNS answers with it. */
  resolve?: (
    hostname: string,
    callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
  ) => void;
}): FetchFn {
  const fetch = options.fetch ?? lazyNodeFetch;
  const resolve =
    options.resolve ??
    ((hostname, callback) => {
      import("node:dns").then(
        ({ lookup }) => lookup(hostname, { all: true }, callback),
        (error: NodeJS.ErrnoException) => callback(error, []),
      );
    });
  if (options.allowance.kind === "all") return fetch;
  const rules = createAddressRules(options.allowance);
  const refuse = (host: string, ip: string, what: string) =>
    new AddressRefusedError(
      `${host === ip ? ip : `${host} resolves to ${ip}, which`} is ${what}; status pages must be public (STATUS_PAGES_ALLOW_PRIVATE allows it)`,
    );
  const lookup = (hostname: string, lookupOptions: object, callback: LookupCallback) => {
    // Every address of the name is resolved and checked; the family hints are not needed for that.
    const wantsAll = (lookupOptions as { all?: boolean }).all === true;
    resolve(hostname, (error, addresses) => {
      if (error) return callback(error, wantsAll ? [] : "");
      const refused = addresses.map((a) => ({ a, why: rules.refusal(a.address) }));
      const usable = refused.filter((r) => r.why === null).map((r) => r.a);
      const first = refused[0];
      if (usable.length === 0 || !first) {
        const why = first ? refuse(hostname, first.a.address, first.why ?? "") : new Error(`${hostname}: no address`);
        return callback(why, wantsAll ? [] : "");
      }
      if (wantsAll) return callback(null, usable);
      return callback(null, usable[0]!.address, usable[0]!.family);
    });
  };
  const agentOptions = { keepAlive: true, lookup: lookup as never };
  // Made by the first fetch: node:http, node:https (and TLS) load then, not in a process that
  // never fetches a status page (`ask` spent ~10% of its time loading them).
  let agents: Promise<{ http: Agent; https: Agent }> | undefined;
  const agentsOnce = () => {
    agents ??= Promise.all([import("node:http"), import("node:https")]).then(([http, https]) => ({
      http: new http.Agent(agentOptions),
      https: new https.Agent(agentOptions),
    }));
    return agents;
  };
  return async (url, init) => {
    const { hostname, protocol } = new URL(url);
    const host = hostname.replace(/^\[|\]$/g, "");
    if (isIP(host) !== 0) {
      const why = rules.refusal(host);
      if (why !== null) throw refuse(host, host, why);
    }
    const { http, https } = await agentsOnce();
    return fetch(url, { ...init, agent: protocol === "https:" ? https : http });
  };
}
