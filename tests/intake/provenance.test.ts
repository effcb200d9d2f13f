import { describe, expect, it } from "vitest";
import { createAggregator } from "../../src/aggregator/index.js";
import { loadCatalog } from "../../src/catalog/load-catalog.js";
import { createRegionDirectory } from "../../src/catalog/regions.js";
import type { ReportOffer } from "../../src/domain/board.js";
import { createIdentityHasher, createReportBuilder, hashIdentity } from "../../src/intake/index.js";

const SALT = "provenance-test-salt-0123";
const catalog = await loadCatalog({});
const regions = createRegionDirectory();
const deps = { catalog, regions, salt: SALT };
const AT = Date.UTC(2026, 10, 26, 12);

function build(offer: Partial<ReportOffer>) {
  const built = createReportBuilder(deps)({
    service: "x",
    problem: "app",
    reporter: "42",
    source: "api",
    at: AT,
    ...offer,
  });
  if (!built.ok) throw new Error(built.result.accepted ? "accepted" : built.result.message);
  return built.report;
}

describe("identity hashes", () => {
  it("are 22 url-safe characters, stable, and differ by kind and by salt", () => {
    const a = hashIdentity(SALT, "reporter", "123456789012345678");
    expect(a).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(hashIdentity(SALT, "reporter", "123456789012345678")).toBe(a);
    expect(hashIdentity(SALT, "origin", "123456789012345678")).not.toBe(a);
    expect(hashIdentity(`${SALT}-other`, "reporter", "123456789012345678")).not.toBe(a);
    expect(a).not.toContain("123456789012345678");
  });

  it("give the same hash after the cache has turned over", () => {
    const hasher = createIdentityHasher(SALT);
    const first = hasher("reporter", "id-0");
    for (let i = 1; i < 45_000; i++) hasher("reporter", `id-${i}`);
    expect(hasher("reporter", "id-0")).toBe(first);
    expect(createIdentityHasher(SALT)("reporter", "id-0")).toBe(first);
  });
});

describe("report provenance", () => {
  it("keeps a Discord report's guild as a salted hash, its source, region inference and account age", () => {
    const r = build({
      source: "discord",
      origin: "987654321098765432",
      region: "GB",
      regionInferred: true,
      accountCreatedAt: AT - 1000,
    });
    expect(r.originHash).toBe(hashIdentity(SALT, "origin", "987654321098765432"));
    expect(r.reporterHash).toBe(hashIdentity(SALT, "reporter", "42"));
    expect(r).toMatchObject({ source: "discord", regionInferred: true, region: "GB", accountCreatedAt: AT - 1000 });
    expect(JSON.stringify(r)).not.toContain("987654321098765432");
  });

  it("makes an API report without origin its own origin, and keeps the token name as its source", () => {
    const r = build({ reporter: "user-7", sourceName: "partner" });
    expect(r.originHash).toBe(hashIdentity(SALT, "origin", "user-7"));
    expect(r).toMatchObject({ source: "api", sourceName: "partner", regionInferred: false, accountCreatedAt: null });
  });

  it("counts independent API reporters without an origin as before, one origin each", () => {
    const agg = createAggregator();
    for (let i = 0; i < 320; i++) agg.ingest(build({ reporter: `u${i}`, sourceName: "partner", at: AT + i * 1000 }));
    const v = agg.verdict("x", AT + 320 * 1000);
    expect(v.originsHour).toBe(320);
    expect(v.level).toBe("major_outage");
  });
});
