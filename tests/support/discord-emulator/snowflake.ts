const DISCORD_EPOCH = 1_420_070_400_000n;
let counter = 0n;

/** A new Discord snowflake (17–19 digits, as @discordjs/rest's routing expects). */
export function snowflake(at = Date.now()): string {
  counter = (counter + 1n) & 0xfffn;
  return (((BigInt(at) - DISCORD_EPOCH) << 22n) | counter).toString();
}
