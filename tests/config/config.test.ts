import { readFileSync } from "node:fs";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { ConfigError, ConfigSchema, loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/log.js";

/** The ConfigError thrown for an environment, or a failure when none is. */
function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("loadConfig", () => {
  it("runs on an empty environment with a SQLite file, info logs and no Discord", () => {
    const config = loadConfig({});
    expect(config.STORE_URL).toBe("sqlite://./data/outage.sqlite");
    expect(config.LOG_LEVEL).toBe("info");
    expect(config.DISCORD_TOKEN).toBeUndefined();
    expect(config.HTTP_PORT).toBeUndefined();
  });

  it("refuses private status page addresses unless told otherwise", () => {
    expect(loadConfig({}).STATUS_PAGES_ALLOW_PRIVATE).toBe("false");
    expect(loadConfig({ STATUS_PAGES_ALLOW_PRIVATE: "10.0.0.0/8,fd00::/8" }).STATUS_PAGES_ALLOW_PRIVATE).toBe(
      "10.0.0.0/8,fd00::/8",
    );
  });

  it.each([
    "sqlite://./data/outage.sqlite",
    "sqlite:///var/lib/outage.sqlite",
    "redis://127.0.0.1:6379",
    "rediss://user:pw@redis.example:6380/2",
    "memory://",
  ])("accepts STORE_URL %s", (url) => {
    expect(loadConfig({ STORE_URL: url }).STORE_URL).toBe(url);
  });

  it.each([
    ["STORE_URL", "postgres://db", "STORE_URL: expected sqlite://path, redis://host:port or memory://"],
    ["LOG_LEVEL", "loud", "LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent"],
    ["HTTP_PORT", "eighty", "HTTP_PORT: expected a port number from 0 to 65535"],
    ["HTTP_PORT", "70000", "HTTP_PORT: expected a port number from 0 to 65535"],
    ["DISCORD_APP_ID", "my-app", "DISCORD_APP_ID: expected a Discord application id (digits)"],
    ["DISCORD_API_URL", "ftp://x", "DISCORD_API_URL: expected an http(s) URL"],
    ["REPORTER_SALT", "short", "REPORTER_SALT: expected a secret of at least 16 characters"],
    ["STORE_TIMEOUT_MS", "5", "STORE_TIMEOUT_MS: expected a whole number of milliseconds from 50 to 120000"],
    ["STATUS_PAGES_ALLOW_PRIVATE", "yes", "STATUS_PAGES_ALLOW_PRIVATE: expected true, false or CIDR ranges"],
  ])("names %s and what it expects when it is %j", (variable, value, message) => {
    const error = configError({ [variable]: value });
    expect(error.message).toContain(message);
    expect(error.problems.map((p) => p.variable)).toEqual([variable]);
  });

  it("lists every wrong variable at once", () => {
    const error = configError({ STORE_URL: "x", LOG_LEVEL: "x", HTTP_PORT: "x" });
    expect(error.problems.map((p) => p.variable).sort()).toEqual(["HTTP_PORT", "LOG_LEVEL", "STORE_URL"]);
  });

  it("treats an empty value as unset, as a copied .env.example leaves them", () => {
    const config = loadConfig({ DISCORD_TOKEN: "", HTTP_PORT: "  ", STORE_URL: "" });
    expect(config.DISCORD_TOKEN).toBeUndefined();
    expect(config.HTTP_PORT).toBeUndefined();
    expect(config.STORE_URL).toBe("sqlite://./data/outage.sqlite");
  });

  it("turns numbers given as text into numbers", () => {
    expect(loadConfig({ HTTP_PORT: "8080", STORE_TIMEOUT_MS: "250" })).toMatchObject({
      HTTP_PORT: 8080,
      STORE_TIMEOUT_MS: 250,
    });
  });

  it("lists every variable of the schema in .env.example with a comment above it", () => {
    const lines = readFileSync(new URL("../../.env.example", import.meta.url), "utf8").split("\n");
    for (const variable of Object.keys(ConfigSchema.shape)) {
      const at = lines.findIndex((line) => line.startsWith(`${variable}=`));
      expect(at, `${variable} in .env.example`).toBeGreaterThan(0);
      expect(lines[at - 1], `comment above ${variable}`).toMatch(/^#/);
    }
  });
});

describe("createLogger", () => {
  it("redacts tokens and secrets wherever a log line carries them", () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = createLogger({ LOG_LEVEL: "info" }, sink);
    logger.info({ config: { DISCORD_TOKEN: "tok-123", REPORTER_SALT: "salt-456" }, token: "t-789" }, "started");
    logger.info({ req: { headers: { authorization: "Bearer abc" } } }, "request");
    const text = lines.join("");
    for (const secret of ["tok-123", "salt-456", "t-789", "Bearer abc"]) expect(text).not.toContain(secret);
    expect(text).toContain("[redacted]");
  });
});
