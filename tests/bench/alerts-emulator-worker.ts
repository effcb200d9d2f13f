// The Discord emulator in a worker thread for the alert fan-out benchmark: Discord is another
// machine, so its work must not share the bot's event loop (that would add latency jitter the
// real service does not have). Messages: {tally} → counts; {close} → closes.
import { parentPort, workerData } from "node:worker_threads";
import { startEmulator } from "../support/discord-emulator/index.js";

const { channels, guildId, rate } = workerData as { channels: string[]; guildId: string; rate: number };
const emulator = await startEmulator({
  globalLimit: { limit: rate, windowMs: 1000 },
  guilds: [{ id: guildId, name: "Bench", channels: channels.map((id, i) => ({ id, name: `c${i}` })) }],
});
parentPort!.on("message", async (msg: { type: "tally" | "close" }) => {
  if (msg.type === "tally") {
    let lost = 0;
    let duplicates = 0;
    for (const c of channels) {
      const n = emulator.channelMessages(c).length;
      if (n === 0) lost++;
      if (n > 1) duplicates += n - 1;
    }
    const http429 = emulator.requests.filter((r) => r.limited === "global" || r.limited === "route").length;
    parentPort!.postMessage({ type: "tally", lost, duplicates, http429, violations: emulator.violations.length });
  } else {
    await emulator.close();
    parentPort!.postMessage({ type: "closed" });
  }
});
parentPort!.postMessage({ type: "ready", apiUrl: emulator.apiUrl });
