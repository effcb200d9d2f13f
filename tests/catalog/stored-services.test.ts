import { describe, expect, it } from "vitest";
import { createCatalog } from "../../src/catalog/catalog.js";
import { clashOf, withStoredServices } from "../../src/catalog/stored-services.js";
import { type Service, ServiceSchema } from "../../src/domain/service.js";

const service = (id: string, name: string, aliases: string[] = []): Service =>
  ServiceSchema.parse({
    id,
    name,
    aliases,
    category: "dev",
    statusPage: { kind: "atlassian", url: `https://${id}.test` },
  });
const builtIn = createCatalog([service("github", "GitHub", ["gh"]), service("x", "X", ["twitter"])]);

describe("services kept in the store, merged into the catalog", () => {
  it("adds stored services after the catalog's own", () => {
    const { catalog, skipped } = withStoredServices(builtIn, [service("forge", "Example Forge")], new Map());
    expect(catalog.all().map((s) => s.id)).toEqual(["github", "x", "forge"]);
    expect(catalog.search("exam").map((s) => s.id)).toEqual(["forge"]);
    expect(skipped).toEqual([]);
  });

  it("leaves out a stored service whose name a catalog service took since, never shadowing it", () => {
    const { catalog, skipped } = withStoredServices(builtIn, [service("gh-mirror", "Git Hub")], new Map());
    expect(catalog.resolve("git hub")?.id).toBe("github");
    expect(skipped).toEqual([{ id: "gh-mirror", reason: expect.stringContaining("already taken by GitHub (github)") }]);
  });

  it("polls a moved service at its new page", () => {
    const moved = { kind: "instatus" as const, url: "https://status.x.test" };
    const { catalog } = withStoredServices(builtIn, [], new Map([["x", moved]]));
    expect(catalog.get("x")?.statusPage).toEqual(moved);
  });

  it.each([
    [service("gh2", "Hub", ["GH"]), 'the alias "GH" is already taken by GitHub (github)'],
    [service("twitter", "Birdsite"), 'the id "twitter" is already taken by X (x)'],
    [service("new", "New"), null],
  ])("names the clash of %o", (candidate, clash) => {
    expect(clashOf(builtIn.all(), candidate)?.split(";")[0] ?? null).toBe(clash);
  });
});
