// The Discord emulator in a worker thread for the rush benchmark: Discord is another machine, so
// its work (gateway frames out, parsing callbacks and their multipart uploads in) must not share the
// bot's event loop. It injects the commands one after another and times each from the gateway
// dispatch to the bot's answer recorded. Messages: {start} → {apiUrl}; {run, asks} → {latencies,
// answers}; {close} → {closed}.
import { parentPort } from "node:worker_threads";
import { type DiscordEmulator, startEmulator } from "../../support/discord-emulator/index.js";

/** One interaction to inject: a slash command, or autocomplete of its `focused` option. */
export interface Ask {
  command: string;
  subcommand: string;
  options: Record<string, string>;
  focused?: string;
}

let emulator: DiscordEmulator | null = null;

parentPort!.on("message", async (msg: { type: "start" } | { type: "run"; asks: Ask[] } | { type: "close" }) => {
  if (msg.type === "start") {
    // No global limit: the bench measures latency, not Discord's 50 requests/s ceiling.
    emulator = await startEmulator({ globalLimit: null });
    parentPort!.postMessage({ type: "started", apiUrl: emulator.apiUrl });
  } else if (msg.type === "run") {
    const latencies: number[] = [];
    let withFile = 0;
    let choices = 0;
    for (const ask of msg.asks) {
      const t0 = performance.now();
      const outcome = ask.focused
        ? await emulator!.inject.autocomplete(ask.command, ask.subcommand, ask.options, ask.focused)
        : await emulator!.inject.command(ask.command, ask.subcommand, ask.options);
      latencies.push(performance.now() - t0);
      if ((outcome.message?.attachments.length ?? 0) > 0) withFile++;
      if (outcome.choices.length > 0) choices++;
    }
    parentPort!.postMessage({ type: "ran", latencies, withFile, choices });
  } else {
    await emulator?.close();
    emulator = null;
    parentPort!.postMessage({ type: "closed" });
  }
});
parentPort!.postMessage({ type: "ready" });
