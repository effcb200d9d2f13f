import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CatalogError } from "../../src/catalog/catalog-error.js";
import { loadCatalog } from "../../src/catalog/load-catalog.js";
import { builtInServices } from "../../src/catalog/services-data.js";

let dir: string;
let counter = 0;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "outage-catalog-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Writes a CATALOG_FILE with the given text and returns its path. */
async function catalogFile(text: string): Promise<string> {
  counter += 1;
  const file = join(dir, `catalog-${counter}.json`);
  await writeFile(file, text);
  return file;
}

/** The CatalogError message loadCatalog gives for a file with this text. */
async function errorFor(text: string): Promise<string> {
  const file = await catalogFile(text);
  const error = await loadCatalog({ file }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CatalogError);
  const message = (error as CatalogError).message;
  expect(message).toContain(file);
  return message;
}

describe("loadCatalog", () => {
  it("gives the built-in catalog when no file is set", async () => {
    const catalog = await loadCatalog({});
    expect(catalog.all()).toHaveLength(builtInServices.length);
    expect(catalog.resolve("twitter")?.id).toBe("x");
  });

  it("replaces a built-in service whole when the file gives its id", async () => {
    const file = await catalogFile(
      JSON.stringify([
        {
          id: "github",
          name: "GitHub",
          aliases: ["hub of git"],
          category: "dev",
          statusPage: { kind: "atlassian", url: "https://www.githubstatus.com" },
        },
      ]),
    );
    const catalog = await loadCatalog({ file });
    expect(catalog.all()).toHaveLength(builtInServices.length);
    expect(catalog.resolve("hub of git")?.id).toBe("github");
    // The built-in aliases are gone with the entry they came with.
    expect(catalog.resolve("github actions")).toBeUndefined();
    expect(catalog.get("github")?.url).toBeUndefined();
  });

  it("adds a service with a new id, with aliases defaulting to none", async () => {
    const file = await catalogFile(JSON.stringify([{ id: "acme-mail", name: "Acme Mail", category: "productivity" }]));
    const catalog = await loadCatalog({ file });
    expect(catalog.all()).toHaveLength(builtInServices.length + 1);
    expect(catalog.resolve("acme mail")?.aliases).toEqual([]);
  });

  it("names the file and the reason when the file cannot be read", async () => {
    const file = join(dir, "missing.json");
    await expect(loadCatalog({ file })).rejects.toThrow(CatalogError);
    await expect(loadCatalog({ file })).rejects.toThrow(`CATALOG_FILE ${file} cannot be read`);
  });

  it("rejects text that is not JSON", async () => {
    expect(await errorFor("[{ id: github }")).toMatch(/is not valid JSON/);
  });

  it("rejects JSON that is not an array", async () => {
    expect(await errorFor('{"id": "github"}')).toMatch(/must hold a JSON array of services, but holds object/);
  });

  it("names the entry, its id, the field and what is expected when an entry fails the schema", async () => {
    const message = await errorFor(
      JSON.stringify([
        { id: "fine", name: "Fine", category: "dev" },
        { id: "bad-one", name: "Bad", category: "weather" },
      ]),
    );
    expect(message).toMatch(/entry 1 \(id "bad-one"\): category: /);
    expect(message).toContain('"social"');
    expect(message).not.toMatch(/entry 0/);
  });

  it("names the nested field of a bad status page", async () => {
    const message = await errorFor(
      JSON.stringify([
        { id: "acme", name: "Acme", category: "dev", statusPage: { kind: "atlassian", url: "ftp://status.acme" } },
      ]),
    );
    expect(message).toMatch(/entry 0 \(id "acme"\): statusPage\.url: /);
  });

  it("says when an entry has no usable id", async () => {
    const message = await errorFor(JSON.stringify([{ id: "Not An Id!", name: "X", category: "dev" }, 42]));
    expect(message).toMatch(/entry 0 \(id "Not An Id!"\): id: lowercase letters/);
    expect(message).toMatch(/entry 1 \(no valid id\): \(entry\): /);
  });

  it("rejects two entries with the same id", async () => {
    const entry = { id: "acme", name: "Acme", category: "dev" };
    const message = await errorFor(JSON.stringify([entry, { ...entry, name: "Acme Two" }]));
    expect(message).toMatch(/entry 1 \(id "acme"\): id: duplicates entry 0/);
  });

  it("rejects an alias that would find another service", async () => {
    const message = await errorFor(
      JSON.stringify([
        { id: "fine", name: "Fine", category: "dev" },
        { id: "birdsite", name: "Bird Site", aliases: ["Twitter"], category: "social" },
      ]),
    );
    expect(message).toMatch(/entry 1 \(id "birdsite"\): aliases\.0 "Twitter" of "birdsite" is already a name of "x"/);
  });

  it("rejects a new service whose name is a built-in service's alias", async () => {
    const message = await errorFor(JSON.stringify([{ id: "meta-inc", name: "Meta", category: "social" }]));
    expect(message).toMatch(/entry 0 \(id "meta-inc"\): name "Meta" of "meta-inc" is already a name of "facebook"/);
  });
});
