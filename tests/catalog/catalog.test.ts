import { describe, expect, it } from "vitest";
import { createCatalog } from "../../src/catalog/catalog.js";
import { CatalogError } from "../../src/catalog/catalog-error.js";
import { builtInServices } from "../../src/catalog/services-data.js";
import type { Service } from "../../src/domain/service.js";

const catalog = createCatalog(builtInServices);
const ids = (services: Service[]) => services.map((s) => s.id);

describe("resolve", () => {
  it.each(["GitHub", "github", "GITHUB", "git hub", "Git-Hub", " github ", "github.", "GitHub!"])(
    'ignores case, spaces and punctuation: "%s" is GitHub',
    (query) => {
      expect(catalog.resolve(query)?.id).toBe("github");
    },
  );

  it("ignores accents, both in the query and in the catalog", () => {
    expect(catalog.resolve("Telefónica")?.id).toBe("movistar");
    expect(catalog.resolve("telefonica")?.id).toBe("movistar");
    expect(catalog.resolve("Dïscörd")?.id).toBe("discord");
  });

  it("finds names written in other scripts", () => {
    expect(catalog.resolve("вконтакте")?.id).toBe("vk");
    expect(catalog.resolve("微信")?.id).toBe("wechat");
  });

  it("resolves nothing for an unknown, empty or punctuation-only query", () => {
    expect(catalog.resolve("definitely not a service")).toBeUndefined();
    expect(catalog.resolve("")).toBeUndefined();
    expect(catalog.resolve(" .- ")).toBeUndefined();
  });

  it("finds a service by exact id with get, and nothing for a name", () => {
    expect(catalog.get("github")?.name).toBe("GitHub");
    expect(catalog.get("GitHub")).toBeUndefined();
  });
});

describe("suggest", () => {
  it("ranks GitHub first for the typo githb", () => {
    expect(catalog.suggest("githb")[0]?.id).toBe("github");
  });

  it.each([
    ["twiter", "x"],
    ["netflx", "netflix"],
    ["discrod", "discord"],
    ["spotfy", "spotify"],
    ["playstaton", "playstation-network"],
    ["micorsoft", "microsoft-365"],
  ])('puts the intended service first for "%s"', (query, id) => {
    expect(catalog.suggest(query)[0]?.id).toBe(id);
  });

  it("returns at most five suggestions, even when asked for more", () => {
    expect(catalog.suggest("g").length).toBeLessThanOrEqual(5);
    expect(catalog.suggest("google", 50).length).toBeLessThanOrEqual(5);
    expect(catalog.suggest("gogle", 2).length).toBeLessThanOrEqual(2);
  });

  it("suggests nothing for nonsense", () => {
    expect(catalog.suggest("qqqqqqqq")).toEqual([]);
    expect(catalog.suggest("zxcvbnm")).toEqual([]);
    expect(catalog.suggest("")).toEqual([]);
  });
});

describe("search", () => {
  it("lists prefix matches before substring matches", () => {
    const found = ids(catalog.search("git"));
    expect(found.slice(0, 2).sort()).toEqual(["github", "gitlab"]);
    expect(found).toContain("github-copilot");
  });

  it("finds a service by a word inside its name", () => {
    expect(ids(catalog.search("video"))[0]).toBe("prime-video");
  });

  it("finds a service by a substring of its name once four letters are typed", () => {
    expect(ids(catalog.search("thub"))).toEqual(expect.arrayContaining(["github", "github-copilot"]));
  });

  it("does not match inside names for two or three letters: a word start only", () => {
    expect(ids(catalog.search("hub"))).toEqual(["docker-hub"]);
  });

  it("puts an exact alias match first", () => {
    expect(ids(catalog.search("twitter"))[0]).toBe("x");
    expect(ids(catalog.search("google"))[0]).toBe("google-search");
  });

  it("falls back to typo matches when nothing starts with or contains the query", () => {
    expect(ids(catalog.search("gthub"))[0]).toBe("github");
  });

  it("returns at most the limit, 25 by default", () => {
    expect(catalog.search("").length).toBe(25);
    expect(catalog.search("a", 3).length).toBe(3);
    expect(catalog.search("a", 0)).toEqual([]);
  });

  it("lists services by name when the query is empty", () => {
    const names = catalog.search("", 10).map((s) => s.name.toLowerCase());
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });
});

describe("createCatalog", () => {
  const base: Service = { id: "alpha", name: "Alpha", aliases: ["first"], category: "other" };

  it("lists services by category", () => {
    const small = createCatalog([base, { id: "beta", name: "Beta", aliases: [], category: "dev" }]);
    expect(ids(small.byCategory("dev"))).toEqual(["beta"]);
    expect(small.byCategory("games")).toEqual([]);
  });

  it("refuses an alias that is another service's name", () => {
    const clash = { id: "beta", name: "Beta", aliases: ["ALPHA"], category: "dev" } as const;
    expect(() => createCatalog([base, { ...clash, aliases: [...clash.aliases] }])).toThrow(CatalogError);
    expect(() => createCatalog([base, { ...clash, aliases: [...clash.aliases] }])).toThrow(
      /"ALPHA" of "beta".*"alpha"/,
    );
  });

  it("refuses two services with the same id", () => {
    expect(() => createCatalog([base, { ...base, name: "Other", aliases: [] }])).toThrow(/id "alpha"/);
  });

  it("lets a service repeat its own name as an alias", () => {
    expect(createCatalog([{ ...base, aliases: ["ALPHA", "al-pha"] }]).resolve("alpha")?.id).toBe("alpha");
  });
});
