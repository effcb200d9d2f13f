import { describe, expect, it } from "vitest";
import { createAddressRules, isCidr, parsePrivateAllowance } from "../../src/sources/address-rules.js";

const strict = createAddressRules({ kind: "none" });

describe("address rules", () => {
  it.each([
    ["127.0.0.1", "a loopback address"],
    ["127.8.9.10", "a loopback address"],
    ["::1", "a loopback address"],
    ["10.1.2.3", "a private address"],
    ["172.20.0.1", "a private address"],
    ["192.168.1.1", "a private address"],
    ["169.254.169.254", "a cloud metadata address"],
    ["168.63.129.16", "a cloud metadata address"],
    ["100.100.100.200", "a cloud metadata address"],
    ["fd00:ec2::254", "a cloud metadata address"],
    ["169.254.1.1", "a link-local address"],
    ["fe80::1", "a link-local address"],
    ["100.64.0.1", "a carrier-grade NAT address"],
    ["fd12:3456::1", "a unique-local address"],
    ["0.0.0.0", "an unspecified address"],
    ["::", "a reserved address"],
    ["::ffff:127.0.0.1", "a loopback address"],
    ["::ffff:a9fe:a9fe", "a cloud metadata address"],
    ["::ffff:10.0.0.1", "a private address"],
    ["64:ff9b::7f00:1", "a NAT64 address"],
    ["2002:7f00:1::", "a 6to4 address"],
    ["224.0.0.1", "a multicast address"],
  ])("refuses %s as %s", (ip, what) => {
    expect(strict.refusal(ip)).toBe(what);
  });

  it.each(["1.1.1.1", "104.16.0.1", "2606:4700::1111", "::ffff:1.1.1.1", "8.8.8.8"])("lets public %s through", (ip) => {
    expect(strict.refusal(ip)).toBeNull();
  });

  it("lets everything through when the operator allows private addresses", () => {
    const all = createAddressRules({ kind: "all" });
    expect(["127.0.0.1", "169.254.169.254", "fd00::1"].map((ip) => all.refusal(ip))).toEqual([null, null, null]);
  });

  it("lets through only the ranges the operator names", () => {
    const some = createAddressRules(parsePrivateAllowance("10.20.0.0/16, fd00:1::/32"));
    expect(some.refusal("10.20.3.4")).toBeNull();
    expect(some.refusal("fd00:1::5")).toBeNull();
    expect(some.refusal("10.21.0.1")).toBe("a private address");
    expect(some.refusal("169.254.169.254")).toBe("a cloud metadata address");
  });

  it.each([
    ["false", { kind: "none" }],
    ["TRUE", { kind: "all" }],
    ["127.0.0.2/32", { kind: "ranges", ranges: ["127.0.0.2/32"] }],
  ])("reads STATUS_PAGES_ALLOW_PRIVATE=%s", (raw, allowance) => {
    expect(parsePrivateAllowance(raw)).toEqual(allowance);
  });

  it.each([
    ["10.0.0.0/8", true],
    ["fd00::/8", true],
    ["10.0.0.1", true],
    ["10.0.0.0/33", false],
    ["fd00::/129", false],
    ["yes", false],
    ["10.0.0.0/8/1", false],
  ])("tells whether %s is a CIDR range: %s", (text, expected) => {
    expect(isCidr(text)).toBe(expected);
  });
});
