import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createTokenChecker, parseApiTokens } from "../../src/http/auth.js";
import { firstJsonError, jsonErrorLocation } from "../../src/http/json-error.js";
import { createRateLimiter } from "../../src/http/rate-limit.js";
import { parseReportBatch } from "../../src/http/report-body.js";
import { HttpError } from "../../src/http/respond.js";
import { createInteractionVerifier } from "../../src/http/signature.js";
import { ed25519Keys, signBody } from "./harness.js";

const CONTEXT = { at: 0, source: "api" as const };

describe("jsonErrorLocation", () => {
  it.each([
    ['{"a":}', 1, 6],
    ["xyz", 1, 1],
    ['[1,\n2,\n{"b" 1}]', 3, 6],
    ['{"a":1', 1, 7],
    ['{"a": tru}', 1, 7],
    ["[1,2,]", 1, 6],
  ])("finds where %j goes wrong (line %i, column %i)", (text, line, column) => {
    expect(jsonErrorLocation(text)).toEqual({ line, column });
  });

  it("finds an error exactly where JSON.parse does, and inside the text", () => {
    fc.assert(
      fc.property(fc.json(), fc.nat(), fc.string({ maxLength: 2 }), (json, at, junk) => {
        const i = at % (json.length + 1);
        const text = json.slice(0, i) + junk + json.slice(i);
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        const offset = firstJsonError(text);
        expect(offset === null).toBe(valid);
        if (offset !== null) expect(offset).toBeLessThanOrEqual(text.length);
      }),
    );
  });
});

describe("parseReportBatch", () => {
  it("never throws anything but an HttpError, whatever the body", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), fc.constantFrom("json", "ndjson" as const), (text, format) => {
        try {
          parseReportBatch(text, format as "json" | "ndjson", 100, CONTEXT);
        } catch (err) {
          expect(err).toBeInstanceOf(HttpError);
        }
      }),
    );
  });

  it("rejects a JSON value that is not an object, naming what is expected", () => {
    const items = parseReportBatch('["github", 1, null]', "json", 10, CONTEXT);
    expect(items.map((i) => ("reason" in i ? i.message : "ok"))).toEqual(
      Array(3).fill("expected a JSON object with at least service and reporter"),
    );
  });

  it("numbers NDJSON lines as they are in the file, blank lines included", () => {
    const items = parseReportBatch('\n{"service":"a","reporter":"r"}\r\n\n{', "ndjson", 10, CONTEXT);
    expect(items.map((i) => [i.line, "offer" in i ? "ok" : i.reason])).toEqual([
      [2, "ok"],
      [4, "invalid_json"],
    ]);
  });
});

describe("API tokens", () => {
  it("parses name:token pairs", () => {
    expect(parseApiTokens("a:0123456789abcdef, b:fedcba9876543210xyz")).toEqual([
      { name: "a", token: "0123456789abcdef" },
      { name: "b", token: "fedcba9876543210xyz" },
    ]);
    expect(parseApiTokens(undefined)).toEqual([]);
  });

  it.each([
    ["no colon", "justatoken0123456789"],
    ["short token", "a:short"],
    ["duplicate name", "a:0123456789abcdef,a:0123456789abcdeg"],
  ])("refuses %s", (_why, raw) => {
    expect(() => parseApiTokens(raw)).toThrow(/API_TOKENS/);
  });

  it("never echoes a token in its error", () => {
    expect(() => parseApiTokens("a:0123456789abcdef,bad entry secret")).toThrow(/entry 2/);
    try {
      parseApiTokens("a:0123456789abcdef,b:tiny");
    } catch (err) {
      expect((err as Error).message).not.toContain("tiny");
    }
  });

  it("matches a bearer token to its name and nothing else", () => {
    const check = createTokenChecker(parseApiTokens("a:0123456789abcdef,b:fedcba9876543210"));
    expect(check("Bearer fedcba9876543210")).toBe("b");
    expect(check("bearer 0123456789abcdef")).toBe("a");
    expect(check("Bearer 0123456789abcde")).toBeNull();
    expect(check("Basic 0123456789abcdef")).toBeNull();
    expect(check(undefined)).toBeNull();
  });
});

describe("rate limiter", () => {
  it("lets a minute's worth through at once, then refills over time", () => {
    const limit = createRateLimiter(60);
    expect(limit("t", 60, 0)).toEqual({ allowed: true });
    expect(limit("t", 1, 0)).toEqual({ allowed: false, retryAfterS: 1 });
    expect(limit("t", 10, 10_000)).toEqual({ allowed: true });
    expect(limit("other", 60, 10_000)).toEqual({ allowed: true });
  });

  it("charges a request larger than the burst the whole bucket instead of refusing it forever", () => {
    const limit = createRateLimiter(10);
    expect(limit("t", 500, 0)).toEqual({ allowed: true });
    expect(limit("t", 500, 0)).toEqual({ allowed: false, retryAfterS: 60 });
  });

  it("is off at 0", () => {
    const limit = createRateLimiter(0);
    expect(limit("t", 1e9, 0)).toEqual({ allowed: true });
  });
});

describe("interaction verifier", () => {
  const keys = ed25519Keys();
  const body = Buffer.from('{"type":1}');
  const ts = "1795694400";

  it("accepts Discord's signature over timestamp + raw body", () => {
    const verify = createInteractionVerifier(keys.publicHex, 300);
    expect(verify(signBody(keys.privateKey, ts, body), ts, body, 1795694400_000)).toBeNull();
  });

  it("checks the signature before the clock", () => {
    const verify = createInteractionVerifier(keys.publicHex, 300);
    expect(verify("ab".repeat(64), ts, body, 0)).toBe("bad_signature");
  });

  it("refuses a public key that is not 64 hex digits", () => {
    expect(() => createInteractionVerifier("abc", 300)).toThrow(/64 hex/);
  });
});
