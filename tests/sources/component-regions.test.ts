import { describe, expect, it } from "vitest";
import { createRegionDirectory } from "../../src/catalog/regions.js";
import { createComponentRegionMapper } from "../../src/sources/component-regions.js";

const regionOf = createComponentRegionMapper();

describe("component names to ISO regions", () => {
  it.each([
    ["Frankfurt (FRA)", "DE"],
    ["London, United Kingdom - (LHR)", "GB"],
    ["Ashburn, VA, United States - (IAD)", "US"],
    ["São Paulo, Brazil - (GRU)", "BR"],
    ["Johannesburg, South Africa - (JNB)", "ZA"],
    ["SIN", "SG"],
    ["us-east-1", "US"],
    ["AWS eu-west-2", "GB"],
    ["europe-west1", "BE"],
    ["Netherlands (europe-west4)", "NL"],
    ["us-central1-a", "US"],
    ["asia-northeast1", "JP"],
    ["West Europe", "NL"],
    ["East US", "US"],
    ["Tokyo", "JP"],
    ["Zurich", "CH"],
    ["Brazil", "BR"],
    ["Germany", "DE"],
    ["Europe / Germany", "DE"],
    ["Düsseldorf", "DE"],
  ])("maps %s to %s", (name, region) => {
    expect(regionOf(name)).toBe(region);
  });

  it.each([
    "API",
    "Website",
    "Git Operations",
    "AI",
    "IT Services",
    "Webhooks",
    "Cloudflare Dashboard",
    "GraphQL API v2",
    "Global",
    "Europe",
  ])("leaves %s without a region", (name) => {
    expect(regionOf(name)).toBeNull();
  });

  it("uses the region directory handed in for country names", () => {
    const withDirectory = createComponentRegionMapper({
      resolve: (q) => (q.toLowerCase() === "deutschland" ? { code: "DE" } : undefined),
    });
    expect(withDirectory("Deutschland")).toBe("DE");
    expect(regionOf("Deutschland")).toBeNull();
  });

  describe("with the catalog's region directory", () => {
    const withDirectory = createComponentRegionMapper(createRegionDirectory());

    it.each([
      ["Türkiye", "TR"],
      ["Republic of Korea", "KR"],
      ["Atlanta, GA, United States - (ATL)", "US"],
      ["Germany (Frankfurt)", "DE"],
    ])("maps %s to %s", (name, region) => {
      expect(withDirectory(name)).toBe(region);
    });

    it.each(["API", "Website", "Issues", "Pull Requests", "Actions", "Login", "Voice", "CDN", "DNS", "SSO", "Asia"])(
      "still leaves %s without a region",
      (name) => {
        expect(withDirectory(name)).toBeNull();
      },
    );
  });
});
