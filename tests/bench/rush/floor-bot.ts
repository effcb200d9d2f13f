// The floor of the rush benchmark: a bare discord.js bot that answers every slash command with one
// constant embed and every autocomplete with constant choices. Whatever a bot does, it pays this:
// the gateway frame in, discord.js building the interaction, one callback POST out.
import { Client, Events, GatewayIntentBits } from "discord.js";

const EMBED = {
  title: "X: major outage",
  description: "1,202 reports in the last hour (60× usual) · since 17:20",
  color: 0xd55e00,
  footer: { text: "Crowd reports" },
};
const CHOICES = Array.from({ length: 25 }, (_, i) => ({ name: `Service ${i}`, value: `service-${i}` }));

/** Logs a bare bot in to the emulator at `apiUrl`; resolves once READY arrived. */
export async function startFloorBot(apiUrl: string): Promise<{ stop(): Promise<void> }> {
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: apiUrl } });
  client.on(Events.InteractionCreate, (interaction) => {
    if (interaction.isAutocomplete()) void interaction.respond(CHOICES);
    else if (interaction.isChatInputCommand()) void interaction.reply({ embeds: [EMBED] });
  });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login("floor-bot-token");
  await ready;
  return { stop: () => client.destroy() };
}
