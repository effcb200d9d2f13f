import type { AlertEvent } from "../../src/alerts/alert-event.js";
import { type Subscription, SubscriptionSchema, subscriptionId } from "../../src/alerts/subscription.js";
import type { Incident } from "../../src/domain/incident.js";

export const T0 = Date.UTC(2026, 10, 23, 14, 0);
export const MIN = 60_000;

/** An incident of `github` opened at T0, with overrides. */
export function incident(over: Partial<Incident> = {}): Incident {
  return {
    id: "github:29000000",
    serviceId: "github",
    startedAt: T0,
    peakAt: T0,
    peakPerMinute: 100,
    level: "partial_outage",
    currentLevel: "partial_outage",
    updatedAt: T0,
    resolvedAt: null,
    totalReports: 1000,
    regions: [
      { region: "US", reports: 600 },
      { region: "GB", reports: 300 },
      { region: "DE", reports: 100 },
    ],
    problems: [{ problem: "website", reports: 1000 }],
    ...over,
  };
}

/** A crowd event for the incident. */
export function event(kind: AlertEvent["kind"], at: number, over: Partial<Incident> = {}): AlertEvent {
  return { kind, at, origin: "crowd", incident: incident(over) };
}

/** A subscription of channel 222… in guild 111… to github, with overrides. */
export function subscription(over: Partial<Subscription> = {}): Subscription {
  const target = over.target ?? { kind: "service" as const, serviceId: "github" };
  const channelId = over.channelId ?? "222222222222222222";
  return SubscriptionSchema.parse({
    id: subscriptionId(channelId, target),
    guildId: "111111111111111111",
    channelId,
    target,
    createdAt: T0 - 86_400_000,
    ...over,
  });
}
