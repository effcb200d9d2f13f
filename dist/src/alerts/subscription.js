import { z } from "zod";
import { CategorySchema } from "../domain/service.js";
const Snowflake = z.string().regex(/^\d{15,21}$/, "a Discord id (snowflake)");
/** What a subscription listens to: one service, a category of services, or everything. */
export const SubscriptionTargetSchema = z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("service"), serviceId: z.string() }),
    z.object({ kind: z.literal("category"), category: CategorySchema }),
    z.object({ kind: z.literal("all") }),
]);
/** Alert levels a subscription can ask for; operational is never alerted. */
export const ALERT_MIN_LEVELS = ["degraded", "partial_outage", "major_outage"];
/** `edit`: one message per incident, updated in place. `post`: a new message per update. */
export const ALERT_MODES = ["edit", "post"];
/** A channel's wish to hear about outages. */
export const SubscriptionSchema = z.object({
    id: z.string(),
    guildId: Snowflake,
    channelId: Snowflake,
    target: SubscriptionTargetSchema,
    minLevel: z.enum(ALERT_MIN_LEVELS).default("partial_outage"),
    /** ISO codes; empty means every region. */
    regions: z.array(z.string().length(2)).default([]),
    mode: z.enum(ALERT_MODES).default("edit"),
    /** Role mentioned in the message content when an alert is posted. */
    roleId: Snowflake.nullable().default(null),
    sendResolution: z.boolean().default(true),
    /** Set when delivery cannot work (channel deleted, permission lost); cleared by subscribing again. */
    paused: z.object({ reason: z.string(), at: z.number() }).nullable().default(null),
    createdAt: z.number(),
});
/** Stable id of a subscription: one per channel and target. */
export function subscriptionId(channelId, target) {
    const what = target.kind === "service" ? target.serviceId : target.kind === "category" ? `@${target.category}` : "*";
    return `${channelId}:${what}`;
}
//# sourceMappingURL=subscription.js.map