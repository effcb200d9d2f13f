/** Discord's epoch (2015-01-01T00:00:00Z) in ms. */
export const DISCORD_EPOCH = 1_420_070_400_000;
/** When a Discord account (or any snowflake) was created, in epoch ms; null for a non-snowflake id. */
export function snowflakeTime(id) {
    if (!/^\d{15,20}$/.test(id))
        return null;
    const ms = Number(BigInt(id) >> 22n) + DISCORD_EPOCH;
    return Number.isSafeInteger(ms) ? ms : null;
}
//# sourceMappingURL=snowflake.js.map