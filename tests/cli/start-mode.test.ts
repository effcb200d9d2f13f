import { describe, expect, it } from "vitest";
import { startMode } from "../../src/cli/start-mode.js";

describe("startMode", () => {
  it.each([
    { token: true, forceConsole: false, interactive: false, mode: "discord" },
    { token: true, forceConsole: false, interactive: true, mode: "discord" },
    { token: true, forceConsole: true, interactive: false, mode: "console" },
    { token: false, forceConsole: false, interactive: true, mode: "console" },
    { token: false, forceConsole: true, interactive: false, mode: "console" },
    { token: false, forceConsole: false, interactive: false, mode: "service" },
  ])("token $token, --console $forceConsole, terminal $interactive → $mode", ({ mode, ...facts }) => {
    expect(startMode(facts)).toBe(mode);
  });
});
