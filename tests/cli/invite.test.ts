import { PermissionFlagsBits } from "discord.js";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

describe("outage-bot invite", () => {
  it("prints the OAuth2 URL with the bot and commands scopes and exactly the alert permissions", async () => {
    const run = await runCli(["invite"], { env: { DISCORD_APP_ID: "123456789012345678" } });
    expect(run.code).toBe(0);
    const url = new URL(run.stdout.trim());
    expect(`${url.origin}${url.pathname}`).toBe("https://discord.com/oauth2/authorize");
    expect(url.searchParams.get("client_id")).toBe("123456789012345678");
    expect(url.searchParams.get("scope")).toBe("bot applications.commands");
    const expected =
      PermissionFlagsBits.ViewChannel |
      PermissionFlagsBits.SendMessages |
      PermissionFlagsBits.EmbedLinks |
      PermissionFlagsBits.AttachFiles;
    expect(url.searchParams.get("permissions")).toBe(String(expected));
  });

  it("exits 2 saying it needs DISCORD_APP_ID", async () => {
    const run = await runCli(["invite"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("invite needs DISCORD_APP_ID");
  });
});
