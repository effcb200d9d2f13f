// Autocomplete quality over the real catalog and region directory: typed text → expected first choices.
import { describe, expect, it } from "vitest";
import { handleAutocomplete } from "../../commands/index.js";
import { createCatalog } from "../../src/catalog/catalog.js";
import { createRegionDirectory } from "../../src/catalog/regions.js";
import { builtInServices } from "../../src/catalog/services-data.js";
import { fakeBoard, fakeContext, invocation } from "./fakes.js";
import { GITHUB_DEGRADED } from "./x-fixture.js";

const real = { catalog: createCatalog(builtInServices), regions: createRegionDirectory() };
const ctx = (over = {}) => fakeContext({ ...real, ...over });

async function services(typed: string, command = "status"): Promise<string[]> {
  const choices = await handleAutocomplete(invocation(command, { service: typed }), "service", ctx());
  return choices.map((c) => c.value);
}

async function regions(typed: string, locale = "en-GB"): Promise<string[]> {
  const inv = { ...invocation("report", { region: typed }), user: { id: "811000000000000000", locale } };
  return (await handleAutocomplete(inv, "region", ctx())).map((c) => c.value);
}

describe("service autocomplete: typed text → first choices", () => {
  it.each([
    // name prefix first, then an alias ("twitter" → X); nothing that merely contains the letters
    ["tw", ["twilio", "twitch", "x"], ["jira", "att"]],
    ["twit", ["twitch", "x"], ["nintendo-switch"]],
    ["twitter", ["x"], []],
    ["gi", ["github", "gitlab", "github-copilot"], []],
    ["dis", ["discord", "disney-plus"], []],
    // every name that starts so, before the aliases ("google mail" → Gmail)
    ["goo", ["google-cloud", "google-drive", "google-meet", "google-pay", "google-search", "google-workspace"], []],
    // typos only from four letters and only when the list is short
    ["gthub", ["github"], []],
    ["discrod", ["discord"], []],
    ["netflx", ["netflix"], []],
  ])("%s → %j first, never %j", async (typed, first, never) => {
    const got = await services(typed);
    expect(got.slice(0, first.length).sort()).toEqual([...first].sort());
    for (const id of never) expect(got).not.toContain(id);
  });

  it("offers only what matches two letters by name or alias: no noise", async () => {
    expect(await services("tw")).toHaveLength(3);
  });

  it("flags a degraded service with its level, as well as outages", async () => {
    const board = fakeBoard({ statuses: { github: GITHUB_DEGRADED } });
    const choices = await handleAutocomplete(invocation("status", { service: "git" }), "service", ctx({ board }));
    expect(choices[0]).toEqual({ name: "GitHub (Degraded now)", value: "github" });
  });
});

describe("region autocomplete: typed text → first choices", () => {
  it.each([
    ["ger", ["DE"], 1],
    ["germ", ["DE"], 1],
    ["deutschland", ["DE"], 1],
    ["uk", ["GB", "UA"], 2],
    ["britain", ["GB"], 1],
    ["usa", ["US"], 1],
    ["holland", ["NL"], 1],
    ["fr", ["FR"], 5],
  ])("%s → %j first, at most %i choices", async (typed, first, most) => {
    const got = await regions(typed);
    expect(got.slice(0, first.length)).toEqual(first);
    expect(got.length).toBeLessThanOrEqual(most);
  });

  it("lists regions by name with nothing typed, the user's own first", async () => {
    const got = await regions("", "pt-BR");
    expect(got[0]).toBe("BR");
    const names = got.slice(1).map((code) => real.regions.name(code));
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en")));
    expect(got.slice(1, 3)).toEqual(["AF", "AX"]);
  });

  it("puts the user's own region first among matches", async () => {
    expect((await regions("united", "en-US"))[0]).toBe("US");
    expect((await regions("united", "en-GB"))[0]).toBe("GB");
  });
});

describe("autocomplete of an unknown command", () => {
  it("offers nothing rather than another command's choices", async () => {
    const inv = { ...invocation("status", { service: "git" }), command: "foo" };
    expect(await handleAutocomplete(inv, "service", ctx())).toEqual([]);
  });
});

describe("subscription autocomplete", () => {
  it("labels categories in words, not ids", async () => {
    const choices = await handleAutocomplete(
      { ...invocation("subscribe", { service: "inter" }), command: "outage-alerts" },
      "service",
      ctx(),
    );
    expect(choices[0]).toEqual({ name: "Internet and mobile (every service in it)", value: "isp" });
    expect(JSON.stringify(choices)).not.toContain("Category:");
  });

  it("completes the last region of a comma-separated list, keeping the ones before", async () => {
    const choices = await handleAutocomplete(
      { ...invocation("subscribe", { region: "GB, us, ger" }), command: "outage-alerts" },
      "region",
      ctx(),
    );
    expect(choices[0]).toEqual({ name: "GB, US, 🇩🇪 Germany (DE)", value: "GB, US, DE" });
  });

  it("does not offer a region already in the list", async () => {
    const choices = await handleAutocomplete(
      { ...invocation("subscribe", { region: "GB, united" }), command: "outage-alerts" },
      "region",
      ctx(),
    );
    expect(choices.map((c) => c.value)).not.toContain("GB, GB");
    expect(choices.map((c) => c.value)).toContain("GB, US");
  });
});
