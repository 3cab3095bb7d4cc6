/** Real-looking Discord snowflakes (discord.js routes ids of 17–19 digits to the right rate-limit bucket). */
const DISCORD_EPOCH = 1420070400000n;
let increment = 0n;

export function snowflake(at = Date.now()): string {
  increment = (increment + 1n) & 0xfffn;
  return (((BigInt(at) - DISCORD_EPOCH) << 22n) | (1n << 17n) | increment).toString();
}
