import { BlockList, isIP } from "node:net";
/**
 * Address ranges a status page (or anything the bot fetches for a user) must not live in, each
 * with the name a refusal gives. Cloud metadata endpoints come first so a refusal names them.
 * Node's BlockList also matches IPv4-mapped IPv6 (::ffff:127.0.0.1) against the IPv4 rules.
 */
const NON_PUBLIC = [
    ["169.254.169.254", 32, "ipv4", "a cloud metadata address"],
    ["168.63.129.16", 32, "ipv4", "a cloud metadata address"],
    ["100.100.100.200", 32, "ipv4", "a cloud metadata address"],
    ["fd00:ec2::254", 128, "ipv6", "a cloud metadata address"],
    ["0.0.0.0", 8, "ipv4", "an unspecified address"],
    ["10.0.0.0", 8, "ipv4", "a private address"],
    ["100.64.0.0", 10, "ipv4", "a carrier-grade NAT address"],
    ["127.0.0.0", 8, "ipv4", "a loopback address"],
    ["169.254.0.0", 16, "ipv4", "a link-local address"],
    ["172.16.0.0", 12, "ipv4", "a private address"],
    ["192.0.0.0", 24, "ipv4", "a reserved address"],
    ["192.0.2.0", 24, "ipv4", "a documentation address"],
    ["192.88.99.0", 24, "ipv4", "a reserved address"],
    ["192.168.0.0", 16, "ipv4", "a private address"],
    ["198.18.0.0", 15, "ipv4", "a benchmarking address"],
    ["198.51.100.0", 24, "ipv4", "a documentation address"],
    ["203.0.113.0", 24, "ipv4", "a documentation address"],
    ["224.0.0.0", 4, "ipv4", "a multicast address"],
    ["240.0.0.0", 4, "ipv4", "a reserved address"],
    ["::1", 128, "ipv6", "a loopback address"],
    // IPv4-compatible (deprecated) and the unspecified address.
    ["::", 96, "ipv6", "a reserved address"],
    // NAT64, 6to4 and Teredo carry an IPv4 address inside; refused whole rather than unpacked.
    ["64:ff9b::", 96, "ipv6", "a NAT64 address"],
    ["64:ff9b:1::", 48, "ipv6", "a NAT64 address"],
    ["2002::", 16, "ipv6", "a 6to4 address"],
    ["2001::", 32, "ipv6", "a Teredo address"],
    ["100::", 64, "ipv6", "a discard address"],
    ["2001:db8::", 32, "ipv6", "a documentation address"],
    ["fc00::", 7, "ipv6", "a unique-local address"],
    ["fe80::", 10, "ipv6", "a link-local address"],
    ["fec0::", 10, "ipv6", "a site-local address"],
    ["ff00::", 8, "ipv6", "a multicast address"],
];
const RULES = NON_PUBLIC.map(([network, prefix, type, what]) => {
    const list = new BlockList();
    list.addSubnet(network, prefix, type);
    return { list, what };
});
/** Parses `STATUS_PAGES_ALLOW_PRIVATE`: `false`, `true` or CIDR ranges separated by commas. */
export function parsePrivateAllowance(raw) {
    const value = (raw ?? "false").trim().toLowerCase();
    if (value === "false" || value === "")
        return { kind: "none" };
    if (value === "true")
        return { kind: "all" };
    return { kind: "ranges", ranges: value.split(",").map((r) => r.trim()) };
}
/** Whether `text` is a CIDR range (`10.0.0.0/8`, `fd00::/8`) or a single address. */
export function isCidr(text) {
    const [address = "", prefix, ...rest] = text.trim().split("/");
    const family = isIP(address);
    if (family === 0 || rest.length > 0)
        return false;
    if (prefix === undefined)
        return true;
    const bits = Number(prefix);
    return /^\d{1,3}$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}
/** Builds the check every fetched address goes through. */
export function createAddressRules(allowance) {
    const allowed = new BlockList();
    if (allowance.kind === "ranges") {
        for (const range of allowance.ranges) {
            const [address = "", prefix] = range.split("/");
            const type = isIP(address) === 6 ? "ipv6" : "ipv4";
            allowed.addSubnet(address, prefix === undefined ? (type === "ipv4" ? 32 : 128) : Number(prefix), type);
        }
    }
    return {
        refusal(ip) {
            const family = isIP(ip);
            if (family === 0)
                return "not an IP address";
            if (allowance.kind === "all")
                return null;
            const type = family === 4 ? "ipv4" : "ipv6";
            const hit = RULES.find((rule) => rule.list.check(ip, type));
            if (!hit)
                return null;
            return allowed.check(ip, type) ? null : hit.what;
        },
    };
}
//# sourceMappingURL=address-rules.js.map