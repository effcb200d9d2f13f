import type { APIApplicationCommandBasicOption } from "discord-api-types/v10";
import { describe, expect, it } from "vitest";
import { canonicalJson, commandDefinitions, definitionsHash } from "../../commands/definitions.js";
import { subcommandDef } from "../../commands/option-defs.js";
import { SUBCOMMANDS } from "../../commands/registry.js";
import type { Subcommand } from "../../commands/subcommand.js";

const NAME = /^[-_\p{L}\p{N}]{1,32}$/u;

describe("commandDefinitions", () => {
  const [outage, alerts] = commandDefinitions();

  it("defines /outage for everyone and /outage-alerts only for members who manage channels", () => {
    expect(commandDefinitions().map((d) => d.name)).toEqual(["outage", "outage-alerts"]);
    expect(outage?.default_member_permissions).toBeUndefined();
    // 16 = Manage Channels: Discord hides the command from everyone without it (admins included by Discord).
    expect(alerts?.default_member_permissions).toBe("16");
    expect(alerts?.contexts).toEqual([0]);
    expect(alerts?.options?.map((o) => o.name)).toEqual(["subscribe", "unsubscribe", "list"]);
  });

  it("keeps a read-only subscription list in /outage and nothing there that changes subscriptions", () => {
    const names = outage?.options?.map((o) => o.name) ?? [];
    expect(names).toContain("subscriptions");
    expect(names).not.toContain("subscribe");
    expect(names).not.toContain("unsubscribe");
  });

  it("starts /outage with the five read subcommands, each name once", () => {
    expect(outage?.name).toBe("outage");
    const names = outage?.options?.map((o) => o.name) ?? [];
    expect(names.slice(0, 5)).toEqual(["status", "regions", "incidents", "report", "services"]);
    expect(new Set(names).size).toBe(names.length);
    expect(names.length).toBeLessThanOrEqual(25);
  });

  it("keeps every name, description and choice list within Discord's rules", () => {
    for (const sub of [...(outage?.options ?? []), ...(alerts?.options ?? [])]) {
      expect(sub.name).toMatch(NAME);
      expect(sub.name).toBe(sub.name.toLowerCase());
      expect(sub.description.length).toBeGreaterThan(0);
      expect(sub.description.length).toBeLessThanOrEqual(100);
      const options = ("options" in sub ? sub.options : []) as APIApplicationCommandBasicOption[];
      expect(options.length).toBeLessThanOrEqual(25);
      // Required options must come before optional ones.
      const firstOptional = options.findIndex((o) => !o.required);
      if (firstOptional >= 0) expect(options.slice(firstOptional).some((o) => o.required)).toBe(false);
      for (const option of options) {
        expect(option.name).toMatch(NAME);
        expect(option.description.length).toBeLessThanOrEqual(100);
        if ("choices" in option && option.choices) {
          expect(option.choices.length).toBeLessThanOrEqual(25);
          if ("autocomplete" in option) expect(option.autocomplete).toBeFalsy();
        }
      }
    }
  });

  it("offers autocomplete on service and region and fixed choices on the rest", () => {
    type Opt = APIApplicationCommandBasicOption & { autocomplete?: boolean; choices?: { value: string }[] };
    const opts = (name: string): Opt[] => {
      const sub = outage?.options?.find((o) => o.name === name);
      return sub && "options" in sub ? ((sub.options ?? []) as Opt[]) : [];
    };
    expect(opts("report").map((o) => [o.name, o.autocomplete ?? false, o.choices?.length ?? 0])).toEqual([
      ["service", true, 0],
      ["problem", false, 7],
      ["region", true, 0],
    ]);
    expect(opts("regions")[1]?.choices?.map((c) => c.value)).toEqual(["15m", "1h", "6h", "24h"]);
    expect(opts("incidents")[1]?.choices?.map((c) => c.value)).toEqual(["active", "recent"]);
    expect(opts("services")[0]?.choices?.length).toBe(11);
  });
});

describe("definitionsHash", () => {
  it("is the same for the same definitions however the keys are ordered", () => {
    const reordered = JSON.parse(canonicalJson(commandDefinitions())) as unknown[];
    expect(definitionsHash(reordered)).toBe(definitionsHash());
    expect(definitionsHash()).toMatch(/^[0-9a-f]{64}$/);
  });

  it("changes when a subcommand is added", () => {
    const extra: Subcommand = {
      name: "watch",
      definition: subcommandDef("watch", "Alerts in this channel", []),
      schema: () => {
        throw new Error("unused");
      },
      handle: async () => ({}),
    };
    expect(definitionsHash(commandDefinitions([...SUBCOMMANDS, extra]))).not.toBe(definitionsHash());
  });
});
