import { describe, expect, it } from "vitest";
import { z } from "zod";
import { commandDefinitions, definitionsHash } from "../../commands/definitions.js";
import { handleAutocomplete, handleButton, handleCommand } from "../../commands/index.js";
import { serviceDef, subcommandDef } from "../../commands/option-defs.js";
import { serviceOption } from "../../commands/options.js";
import { parseSlash } from "../../commands/parse-slash.js";
import { SUBCOMMANDS } from "../../commands/registry.js";
import { defineSubcommand } from "../../commands/subcommand.js";
import { fakeContext, invocation } from "./fakes.js";

const MANAGE_CHANNELS = 1n << 4n;
const MANAGE_GUILD = 1n << 5n;

// A new subcommand is one module and one registry line; here the line is added in the test.
const watch = defineSubcommand({
  name: "watch",
  definition: subcommandDef("watch", "Outage alerts in this channel", [serviceDef(true)]),
  schema: (ctx) => z.object({ service: serviceOption(ctx.catalog) }),
  run: async ({ service }) => ({ content: `Subscribed to ${service.name}`, ephemeral: true }),
  autocomplete: () => [{ name: "All services", value: "all" }],
  buttons: { watch: async (arg) => ({ content: `button ${arg}`, ephemeral: true }) },
  permissions: { anyOf: MANAGE_CHANNELS | MANAGE_GUILD, label: "Manage Channels or Manage Server" },
});
const registry = [...SUBCOMMANDS, watch];

describe("adding a subcommand", () => {
  it("appears in the definitions, changes the hash and parses from text", () => {
    const defs = commandDefinitions(registry);
    expect(defs[0]?.options?.map((o) => o.name).at(-1)).toBe("watch");
    expect(definitionsHash(defs)).not.toBe(definitionsHash());
    expect(parseSlash("/outage watch github", defs).options).toEqual({ service: "github" });
  });

  it("is answered, with its options validated like any other", async () => {
    const inv = { ...invocation("watch", { service: "gh" }), memberPermissions: MANAGE_CHANNELS };
    expect((await handleCommand(inv, fakeContext(), registry)).content).toBe("Subscribed to GitHub");
    const typo = { ...inv, options: { service: "githb" } };
    expect((await handleCommand(typo, fakeContext(), registry)).content).toContain("Did you mean **GitHub**");
  });

  it("refuses a member without the permission, saying which one is needed", async () => {
    const reply = await handleCommand(invocation("watch", { service: "x" }), fakeContext(), registry);
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toContain("You need the Manage Channels or Manage Server permission");
  });

  it("accepts either permission of the rule", async () => {
    const inv = { ...invocation("watch", { service: "x" }), memberPermissions: MANAGE_GUILD };
    expect((await handleCommand(inv, fakeContext(), registry)).content).toBe("Subscribed to X");
  });

  it("uses its own autocomplete and buttons", async () => {
    const choices = await handleAutocomplete(invocation("watch", { service: "" }), "service", fakeContext(), registry);
    expect(choices).toEqual([{ name: "All services", value: "all" }]);
    const reply = await handleButton("outage:watch:x", invocation("status"), fakeContext(), registry);
    expect(reply.content).toBe("button x");
  });
});
