import * as Api from "discord-api-types/v10";
import { describe, expect, it } from "vitest";
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ChannelType,
  InteractionContextType,
  PermissionFlagsBits,
} from "../../commands/discord-api.js";

// commands/discord-api.ts copies a few of discord-api-types' values so the CLI need not load it;
// the compiler checks the enum members, this checks every copied value, the bigints included.
const COPIES: [string, object, object][] = [
  ["ApplicationCommandOptionType", ApplicationCommandOptionType, Api.ApplicationCommandOptionType],
  ["ApplicationCommandType", ApplicationCommandType, Api.ApplicationCommandType],
  ["ApplicationIntegrationType", ApplicationIntegrationType, Api.ApplicationIntegrationType],
  ["ChannelType", ChannelType, Api.ChannelType],
  ["InteractionContextType", InteractionContextType, Api.InteractionContextType],
  ["PermissionFlagsBits", PermissionFlagsBits, Api.PermissionFlagsBits],
];

describe("the Discord API values the commands use", () => {
  it.each(COPIES)("%s equal discord-api-types'", (_name, ours, theirs) => {
    const copied = Object.entries(ours);
    expect(copied.length).toBeGreaterThan(0);
    for (const [member, value] of copied) {
      expect([member, value]).toEqual([member, (theirs as Record<string, unknown>)[member]]);
    }
  });
});
