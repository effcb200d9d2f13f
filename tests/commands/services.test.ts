import { describe, expect, it } from "vitest";
import { handleCommand } from "../../commands/index.js";
import { fakeBoard, fakeCatalog, fakeContext, invocation } from "./fakes.js";
import { expectWithinLimits } from "./within-limits.js";
import { GITHUB_DEGRADED } from "./x-fixture.js";

describe("/outage services", () => {
  it("lists every service by category, marking those with problems now", async () => {
    const ctx = fakeContext({ board: fakeBoard({ statuses: { github: GITHUB_DEGRADED } }) });
    const reply = await handleCommand(invocation("services"), ctx);
    const embed = reply.embeds?.[0];
    expect(embed?.title).toBe("Services I know (5)");
    expect(embed?.fields).toEqual([
      { name: "Social (1)", value: "X" },
      { name: "Chat (1)", value: "Discord" },
      { name: "Cloud (1)", value: "Google Cloud" },
      { name: "Developer tools (2)", value: "⚠️ GitHub, GitLab" },
    ]);
  });

  it("lists one category with ids and aliases", async () => {
    const reply = await handleCommand(invocation("services", { category: "social" }), fakeContext());
    expect(reply.embeds?.[0]?.title).toBe("Social services (1)");
    expect(reply.embeds?.[0]?.description).toBe("X · `x` · also twitter, x.com");
  });

  it("keeps a catalog of 2,000 services within limits", async () => {
    const services = Array.from({ length: 2000 }, (_, i) => ({
      id: `s-${i}`,
      name: `Service ${i}`,
      aliases: [],
      category: "other" as const,
    }));
    const reply = await handleCommand(invocation("services"), fakeContext({ catalog: fakeCatalog(services) }));
    expectWithinLimits(reply);
    expect(reply.embeds?.[0]?.fields?.[0]?.value).toMatch(/and \d+ more$/);
  });
});
