import { describe, expect, it } from "vitest";
import { handleAutocomplete } from "../../commands/index.js";
import { fakeBoard, fakeCatalog, fakeContext, invocation } from "./fakes.js";
import { GITHUB_DEGRADED, X_STATUS } from "./x-fixture.js";

const board = () => fakeBoard({ statuses: { x: X_STATUS, github: GITHUB_DEGRADED } });

describe("handleAutocomplete", () => {
  it("puts services with problems now first, worst first, when nothing is typed", async () => {
    const choices = await handleAutocomplete(
      invocation("status", { service: "" }),
      "service",
      fakeContext({ board: board() }),
    );
    expect(choices.map((c) => c.value)).toEqual(["x", "github", "discord", "gitlab", "google-cloud"]);
    expect(choices[0]?.name).toBe("X (Major outage now)");
  });

  it("puts a matching service with problems before other matches", async () => {
    const choices = await handleAutocomplete(
      invocation("status", { service: "git" }),
      "service",
      fakeContext({ board: board() }),
    );
    expect(choices.map((c) => c.value)).toEqual(["github", "gitlab"]);
  });

  it("finds a service by alias", async () => {
    const choices = await handleAutocomplete(invocation("status", { service: "twit" }), "service", fakeContext());
    expect(choices).toEqual([{ name: "X", value: "x" }]);
  });

  it("answers regions by code, name or alias", async () => {
    const choices = await handleAutocomplete(invocation("report", { region: "uk" }), "region", fakeContext());
    expect(choices).toEqual([{ name: "🇬🇧 United Kingdom (GB)", value: "GB" }]);
  });

  it("offers the region of the user's Discord language first when nothing is typed", async () => {
    const inv = { ...invocation("report", { region: "" }), user: { id: "1", locale: "pt-BR" } };
    const choices = await handleAutocomplete(inv, "region", fakeContext());
    expect(choices[0]).toEqual({ name: "🇧🇷 Brazil (BR)", value: "BR" });
    expect(choices).toHaveLength(4);
  });

  it("gives at most 25 choices with names of at most 100 characters", async () => {
    const services = Array.from({ length: 60 }, (_, i) => ({
      id: `s-${i}`,
      name: `${"N".repeat(150)} ${i}`,
      aliases: [],
      category: "other" as const,
    }));
    const choices = await handleAutocomplete(
      invocation("status", { service: "" }),
      "service",
      fakeContext({ catalog: fakeCatalog(services) }),
    );
    expect(choices).toHaveLength(25);
    for (const c of choices) expect(c.name.length).toBeLessThanOrEqual(100);
  });

  it("still answers from the catalog when the board fails", async () => {
    const failing = fakeBoard({});
    failing.problems = async () => {
      throw new Error("down");
    };
    const choices = await handleAutocomplete(
      invocation("status", { service: "x" }),
      "service",
      fakeContext({ board: failing }),
    );
    expect(choices[0]?.value).toBe("x");
  });

  it("gives no choices for an option without autocomplete", async () => {
    expect(await handleAutocomplete(invocation("regions", { window: "1" }), "window", fakeContext())).toEqual([]);
  });
});
