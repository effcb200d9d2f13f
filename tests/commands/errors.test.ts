import { describe, expect, it } from "vitest";
import { handleCommand } from "../../commands/index.js";
import { fakeBoard, fakeContext, invocation } from "./fakes.js";

describe("handleCommand errors", () => {
  it("answers an unknown service with did-you-mean suggestions, privately", async () => {
    const reply = await handleCommand(invocation("status", { service: "twiter" }), fakeContext());
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toContain(`I don't know a service called “twiter”`);
    expect(reply.content).toContain("Did you mean **X** (`x`)");
    expect(reply.content).toContain("/outage services");
    expect(reply.data).toMatchObject({ suggestions: ["x"] });
  });

  it("still says what to do when nothing is close to the unknown name", async () => {
    const reply = await handleCommand(invocation("regions", { service: "qqqqqqqqqq" }), fakeContext());
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).not.toContain("Did you mean");
    expect(reply.content).toContain("Try `/outage services`");
  });

  it("asks for a required option that is missing", async () => {
    const reply = await handleCommand(invocation("regions", {}), fakeContext());
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toContain("Tell me the `service`");
  });

  it("names the allowed values of a choice option given a wrong one", async () => {
    const reply = await handleCommand(invocation("regions", { service: "x", window: "2d" }), fakeContext());
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toContain("`window` must be one of 15m, 1h, 6h, 24h");
  });

  it("answers an unknown region with suggestions", async () => {
    const reply = await handleCommand(invocation("report", { service: "x", region: "Germani" }), fakeContext());
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toContain("Did you mean **Germany (DE)**");
  });

  it("answers an unknown subcommand with the list of subcommands", async () => {
    const reply = await handleCommand(invocation("weather"), fakeContext());
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toContain("There is no `/outage weather`");
    expect(reply.content).toContain("`status`, `regions`");
  });

  it("turns a handler that throws into a private apology with an error id, and logs the error", async () => {
    const board = fakeBoard({});
    board.status = async () => {
      throw new Error("store unreachable");
    };
    const ctx = fakeContext({ board });
    const reply = await handleCommand(invocation("status", { service: "github" }), ctx);
    expect(reply.ephemeral).toBe(true);
    const id = /error id `([0-9a-f]{8})`/.exec(reply.content ?? "")?.[1];
    expect(id).toBeDefined();
    expect(reply.content).not.toContain("store unreachable");
    expect(ctx.logged).toHaveLength(1);
    expect(ctx.logged[0]).toMatchObject({ errorId: id, subcommand: "status", err: { message: "store unreachable" } });
  });

  it("answers even when the logger itself throws", async () => {
    const board = fakeBoard({});
    board.problems = async () => {
      throw new Error("boom");
    };
    const ctx = fakeContext({
      board,
      log: {
        warn: () => {},
        error: () => {
          throw new Error("logger down");
        },
      },
    });
    const reply = await handleCommand(invocation("status"), ctx);
    expect(reply.content).toContain("Something went wrong");
  });
});

describe("handleCommand with a malformed invocation", () => {
  it("answers instead of throwing when the transport sends no user or options", async () => {
    const inv = { subcommand: "status" } as unknown as Parameters<typeof handleCommand>[0];
    const reply = await handleCommand(inv, fakeContext());
    expect(reply.ephemeral).toBe(true);
  });
});
