import { describe, expect, it } from "vitest";
import { createCatalog } from "../../src/catalog/catalog.js";
import { findCollisions } from "../../src/catalog/collisions.js";
import { builtInServices } from "../../src/catalog/services-data.js";
import { CATEGORIES, ServiceSchema, STATUS_PAGE_KINDS } from "../../src/domain/service.js";

const catalog = createCatalog(builtInServices);

describe("the built-in catalog", () => {
  it("holds at least 80 services, each valid by the service schema", () => {
    expect(builtInServices.length).toBeGreaterThanOrEqual(80);
    for (const service of builtInServices) {
      expect(ServiceSchema.parse(service)).toEqual(service);
    }
  });

  it("gives every service its own id and its own display name", () => {
    expect(new Set(builtInServices.map((s) => s.id)).size).toBe(builtInServices.length);
    expect(new Set(builtInServices.map((s) => s.name.toLowerCase())).size).toBe(builtInServices.length);
  });

  it.each(CATEGORIES.map((category) => [category]))("has services in the %s category", (category) => {
    expect(catalog.byCategory(category).length).toBeGreaterThan(0);
  });

  it("has no name or alias that normalises to a name of another service", () => {
    expect(findCollisions(builtInServices)).toEqual([]);
  });

  it("finds every service by its id, its name and each alias, and by no other service", () => {
    for (const service of builtInServices) {
      for (const text of [service.id, service.name, ...service.aliases]) {
        expect(catalog.resolve(text)?.id, `"${text}"`).toBe(service.id);
        expect(catalog.resolve(text.toUpperCase())?.id, `"${text.toUpperCase()}"`).toBe(service.id);
      }
    }
  });

  it("points status pages at https base URLs of a kind a source adapter knows", () => {
    const withPage = builtInServices.filter((s) => s.statusPage !== undefined);
    expect(withPage.length).toBeGreaterThanOrEqual(40);
    for (const { statusPage } of withPage) {
      expect(STATUS_PAGE_KINDS).toContain(statusPage!.kind);
      const url = new URL(statusPage!.url);
      expect(url.protocol).toBe("https:");
      expect(url.pathname).not.toMatch(/api\/v2|\.json$/);
    }
  });

  it.each([
    ["twitter", "x"],
    ["x.com", "x"],
    ["Twitter.com", "x"],
    ["tweetdeck", "x"],
    ["fb", "facebook"],
    ["office 365", "microsoft-365"],
    ["ms teams", "microsoft-teams"],
    ["hotmail", "outlook"],
    ["psn", "playstation-network"],
    ["openai", "chatgpt"],
    ["anthropic", "claude"],
    ["Disney Plus", "disney-plus"],
    ["disney+", "disney-plus"],
    ["at&t", "att"],
    ["T Mobile", "t-mobile"],
    ["gcp", "google-cloud"],
    ["Docker", "docker-hub"],
  ])('resolves "%s" to %s', (query, id) => {
    expect(catalog.resolve(query)?.id).toBe(id);
  });
});
