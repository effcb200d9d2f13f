import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createCatalog } from "../../src/catalog/catalog.js";
import { normalizeName } from "../../src/catalog/normalize.js";
import { createRegionDirectory } from "../../src/catalog/regions.js";
import { builtInServices } from "../../src/catalog/services-data.js";

const catalog = createCatalog(builtInServices);
const regions = createRegionDirectory();
// Printable text, any Unicode (lone surrogates included), and near-misses of real names.
const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.constantFrom(...builtInServices.map((s) => s.name)).map((name) => `${name.slice(1)}!`),
);

describe("lookups on any input", () => {
  it("never throw, suggest at most five, and search at most the limit", () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: -3, max: 40 }), (query, limit) => {
        expect(() => catalog.resolve(query)).not.toThrow();
        expect(catalog.suggest(query).length).toBeLessThanOrEqual(5);
        expect(catalog.search(query, limit).length).toBeLessThanOrEqual(Math.max(0, limit));
        expect(() => regions.resolve(query)).not.toThrow();
        expect(regions.suggest(query).length).toBeLessThanOrEqual(5);
        expect(() => regions.fromLocale(query)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it("resolve finds the same service whatever the case and spacing of a name", () => {
    fc.assert(
      fc.property(fc.constantFrom(...builtInServices), fc.boolean(), (service, upper) => {
        const spaced = service.name.split("").join(" ");
        const query = upper ? spaced.toUpperCase() : spaced.toLowerCase();
        expect(catalog.resolve(query)?.id).toBe(service.id);
      }),
    );
  });
});

describe("normalizeName's plain-ASCII shortcut", () => {
  // The key as the general path makes it (NFKD, marks dropped, Unicode letters and digits kept).
  const general = (text: string) =>
    text
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/\+/g, "plus")
      .replace(/[^\p{L}\p{N}]/gu, "");

  it("gives every printable ASCII text the key the general path gives it", () => {
    const ascii = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) });
    fc.assert(fc.property(ascii, (text) => normalizeName(text) === general(text)));
  });

  it("leaves other text to the general path", () => {
    expect(normalizeName("Côte d'Ivoire")).toBe("cotedivoire");
    expect(normalizeName("Disney+\tHotstar")).toBe("disneyplushotstar");
    expect(normalizeName("日本")).toBe("日本");
  });
});
