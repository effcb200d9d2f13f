import { describe, expect, it } from "vitest";
import { commandDefinitions } from "../../commands/definitions.js";
import { UserError } from "../../commands/errors.js";
import { parseSlash } from "../../commands/parse-slash.js";

const defs = commandDefinitions();

describe("parseSlash", () => {
  const ok: [string, string, Record<string, unknown>][] = [
    ["/outage status", "status", {}],
    ["/outage status x", "status", { service: "x" }],
    ["/outage regions twitter 6h", "regions", { service: "twitter", window: "6h" }],
    ["/outage report github login GB", "report", { service: "github", problem: "login", region: "GB" }],
    ['/outage status service:"google cloud"', "status", { service: "google cloud" }],
    ["/outage status 'google cloud'", "status", { service: "google cloud" }],
    ['/outage status "say \\"hi\\""', "status", { service: 'say "hi"' }],
    ["/outage regions window:24h github", "regions", { service: "github", window: "24h" }],
    ["/outage report github region:UK", "report", { service: "github", region: "UK" }],
    ["/outage incidents state:recent", "incidents", { state: "recent" }],
    ["/outage incidents x ongoing", "incidents", { service: "x", state: "active" }],
    ["outage services Games", "services", { category: "games" }],
    ["  /OUTAGE   STATUS   X  ", "status", { service: "X" }],
    ['/outage status "x:y"', "status", { service: "x:y" }],
    ["/outage status Domino's", "status", { service: "Domino's" }],
  ];
  for (const [text, subcommand, options] of ok) {
    it(`parses ${JSON.stringify(text)}`, () => {
      expect(parseSlash(text, defs)).toEqual({ command: "outage", subcommand, options });
    });
  }

  const bad: [string, RegExp][] = [
    ["", /Type a command/],
    ["/weather now", /Unknown command `\/weather`/],
    ["/outage", /Say which `\/outage` command: status, regions/],
    ["/outage stats x", /Unknown subcommand `stats`.*status, regions, incidents, report, services/],
    ["/outage status colour:red", /has no option `colour` \(it takes: service\)/],
    ["/outage regions", /Missing `service`.*Usage: `\/outage regions <service> \[window\]`/],
    ["/outage regions x 2h", /`window` must be one of 15m, 1h, 6h, 24h \(got "2h"\)/],
    ["/outage status google cloud", /Too many values: "cloud".*quote values/],
    ['/outage status "google cloud', /quote \(".*\) is not closed/],
    ["/outage status x service:y", /Too many values|given twice/],
    ["/outage status service:x service:y", /`service` is given twice/],
  ];
  for (const [text, message] of bad) {
    it(`rejects ${JSON.stringify(text)} with a clear reason`, () => {
      let error: unknown;
      try {
        parseSlash(text, defs);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(UserError);
      expect((error as Error).message).toMatch(message);
    });
  }
});
