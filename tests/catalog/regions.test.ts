import { describe, expect, it } from "vitest";
import { createRegionDirectory } from "../../src/catalog/regions.js";
import { CONTINENTS } from "../../src/catalog/types.js";

const regions = createRegionDirectory();

describe("the region directory", () => {
  it("holds the 249 ISO 3166-1 alpha-2 codes, each once", () => {
    const codes = regions.all().map((r) => r.code);
    expect(codes).toHaveLength(249);
    expect(new Set(codes).size).toBe(249);
    for (const code of codes) expect(code).toMatch(/^[A-Z]{2}$/);
  });

  it("puts every region on a continent, and every continent has regions", () => {
    for (const region of regions.all()) expect(CONTINENTS).toContain(region.continent);
    for (const continent of CONTINENTS) expect(regions.byContinent(continent).length).toBeGreaterThan(0);
    const total = CONTINENTS.reduce((sum, continent) => sum + regions.byContinent(continent).length, 0);
    expect(total).toBe(249);
  });

  it("groups Germany with Europe and the United States with North America", () => {
    expect(regions.byContinent("europe").map((r) => r.code)).toContain("DE");
    expect(regions.byContinent("europe").map((r) => r.code)).not.toContain("US");
    expect(regions.byContinent("north_america").map((r) => r.code)).toContain("US");
  });

  it("finds every region by its code, name and each alias, and by no other region", () => {
    for (const region of regions.all()) {
      for (const text of [region.code, region.name, ...region.aliases]) {
        expect(regions.resolve(text)?.code, `"${text}"`).toBe(region.code);
      }
    }
  });

  it("gives aliases to at least the 40 most populous and most online countries", () => {
    const big =
      "CN IN US ID PK NG BR BD RU MX JP ET PH EG VN CD TR IR DE TH GB FR IT ZA TZ KE KR CO ES AR UA CA PL SA AU NL SE CH BE AT";
    for (const code of big.split(" ")) expect(regions.get(code)?.aliases.length, code).toBeGreaterThan(0);
  });

  it.each([
    ["UK", "GB"],
    ["Great Britain", "GB"],
    ["Britain", "GB"],
    ["England", "GB"],
    ["USA", "US"],
    ["U.S.A.", "US"],
    ["America", "US"],
    ["United States of America", "US"],
    ["Deutschland", "DE"],
    ["germany", "DE"],
    ["España", "ES"],
    ["espana", "ES"],
    ["Brasil", "BR"],
    ["Nippon", "JP"],
    ["日本", "JP"],
    ["Россия", "RU"],
    ["South Korea", "KR"],
    ["대한민국", "KR"],
    ["Holland", "NL"],
    ["Türkiye", "TR"],
    ["Turkey", "TR"],
    ["UAE", "AE"],
    ["Ivory Coast", "CI"],
    ["Côte d’Ivoire", "CI"],
    ["DRC", "CD"],
    ["Schweiz", "CH"],
    ["Österreich", "AT"],
    ["Polska", "PL"],
    ["México", "MX"],
    ["भारत", "IN"],
    ["中国", "CN"],
    ["gb", "GB"],
  ])('resolves "%s" to %s', (query, code) => {
    expect(regions.resolve(query)?.code).toBe(code);
  });

  it("names a code, and returns an unknown code as it is", () => {
    expect(regions.name("GB")).toBe("United Kingdom");
    expect(regions.name("de")).toBe("Germany");
    expect(regions.name("ZZ")).toBe("ZZ");
  });

  it("suggests the intended country for a typo, at most five", () => {
    expect(regions.suggest("Germny")[0]?.code).toBe("DE");
    expect(regions.suggest("untied states")[0]?.code).toBe("US");
    expect(regions.suggest("a", 20).length).toBeLessThanOrEqual(5);
    expect(regions.suggest("qqqqqqqq")).toEqual([]);
  });

  it("autocompletes by prefix", () => {
    const codes = regions.search("united", 5).map((r) => r.code);
    expect(codes).toEqual(expect.arrayContaining(["US", "GB", "AE"]));
    expect(regions.search("", 7)).toHaveLength(7);
  });
});

describe("fromLocale", () => {
  it.each([
    ["id", "ID"],
    ["da", "DK"],
    ["de", "DE"],
    ["en-GB", "GB"],
    ["en-US", "US"],
    ["es-ES", "ES"],
    ["es-419", null],
    ["fr", "FR"],
    ["hr", "HR"],
    ["it", "IT"],
    ["lt", "LT"],
    ["hu", "HU"],
    ["nl", "NL"],
    ["no", "NO"],
    ["pl", "PL"],
    ["pt-BR", "BR"],
    ["ro", "RO"],
    ["fi", "FI"],
    ["sv-SE", "SE"],
    ["vi", "VN"],
    ["tr", "TR"],
    ["cs", "CZ"],
    ["el", "GR"],
    ["bg", "BG"],
    ["ru", "RU"],
    ["uk", "UA"],
    ["hi", "IN"],
    ["th", "TH"],
    ["zh-CN", "CN"],
    ["ja", "JP"],
    ["zh-TW", "TW"],
    ["ko", "KR"],
  ])("maps the Discord locale %s to %s", (locale, code) => {
    expect(regions.fromLocale(locale)).toBe(code);
  });

  it.each([
    ["en_GB", "GB"],
    ["pt-br", "BR"],
    ["zh-Hant-TW", "TW"],
    ["en", null],
    ["ar", null],
    ["xx", null],
    ["en-ZZ", null],
    ["", null],
    ["not a locale", null],
    [null, null],
    [undefined, null],
  ])("maps %s to %s, guessing nothing", (locale, code) => {
    expect(regions.fromLocale(locale)).toBe(code);
  });
});
