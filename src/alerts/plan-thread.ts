import { formatCount } from "../domain/format.js";
import { LEVEL_LABELS, levelRank } from "../domain/levels.js";
import type { AlertEvent } from "./alert-event.js";
import type { AlertRules } from "./alert-rules.js";
import { type AlertThread, appendTimeline } from "./alert-thread.js";
import type { Subscription } from "./subscription.js";

/** What one event does to a channel's thread. */
export type ThreadPlan = { thread: AlertThread; changed: boolean } | { thread: null; skipped: string };

function describe(event: AlertEvent): string {
  const who = event.origin === "official" ? "Status page" : "Reports";
  const level = LEVEL_LABELS[event.incident.currentLevel];
  switch (event.kind) {
    case "opened":
      return event.origin === "official"
        ? `Status page: ${event.official?.name ?? "incident"} (${event.official?.status ?? "investigating"})`
        : `Opened: ${level}`;
    case "escalated":
      return `${who}: up to ${level}`;
    case "deescalated":
      return `${who}: down to ${level}`;
    case "updated":
      return event.origin === "official"
        ? `Status page: ${event.official?.status ?? "update"}${event.official?.latestUpdate ? ` — ${event.official.latestUpdate}` : ""}`
        : `Peak ${formatCount(event.incident.peakPerMinute)} reports/min`;
    case "resolved":
      return event.origin === "official" ? "Status page: resolved" : "Reports back to normal";
  }
}

function isOver(event: AlertEvent): boolean {
  return event.kind === "resolved" || event.incident.resolvedAt !== null;
}

function newThread(event: AlertEvent, sub: Subscription): AlertThread {
  const { incident } = event;
  return {
    id: `${incident.id}:${sub.channelId}`,
    serviceId: incident.serviceId,
    guildId: sub.guildId,
    channelId: sub.channelId,
    subscriptionId: sub.id,
    mode: sub.mode,
    roleId: sub.roleId,
    sendResolution: sub.sendResolution,
    incidentIds: [incident.id],
    openIncidentIds: [incident.id],
    level: incident.currentLevel === "operational" ? incident.level : incident.currentLevel,
    peakPerMinute: incident.peakPerMinute,
    startedAt: incident.startedAt,
    resolvedAt: null,
    timeline: [{ at: event.at, text: describe({ ...event, kind: "opened" }) }],
    desiredVersion: 1,
    sentVersion: 0,
    messageId: null,
    pending: null,
    lastSentAt: null,
    sentLevel: null,
    sentPeakPerMinute: 0,
    attempts: 0,
    notBefore: 0,
    state: "active",
    lastError: null,
  };
}

/**
 * Fold one event into the channel's latest thread for the service (pure). Decides whether the
 * message should change: a level change or resolution always; a bigger peak only past
 * `minPeakGrowth`; an incident arriving soon after the last one resolved re-opens the old thread.
 */
export function planThread(
  current: AlertThread | undefined,
  event: AlertEvent,
  sub: Subscription,
  now: number,
  rules: AlertRules,
): ThreadPlan {
  const { incident } = event;
  const reopenable =
    current !== undefined &&
    current.resolvedAt !== null &&
    current.state !== "dead" &&
    current.messageId !== null &&
    now - current.resolvedAt <= rules.reopenWindowMs;
  const continues = current !== undefined && (current.resolvedAt === null ? current.state === "active" : reopenable);

  if (!continues) {
    if (isOver(event)) return { thread: null, skipped: "incident already over" };
    if (now - event.at > rules.maxEventAgeMs) return { thread: null, skipped: "event too old to announce" };
    return { thread: newThread(event, sub), changed: true };
  }

  let thread: AlertThread = { ...current };
  let changed = false;
  const note = (text: string) => {
    thread.timeline = appendTimeline(thread.timeline, { at: event.at, text });
    changed = true;
  };

  if (!thread.incidentIds.includes(incident.id)) {
    if (isOver(event)) return { thread: current, changed: false };
    thread.incidentIds = [...thread.incidentIds, incident.id];
    thread.openIncidentIds = [...thread.openIncidentIds, incident.id];
    if (thread.resolvedAt !== null) {
      thread = { ...thread, resolvedAt: null, state: "active" };
      note(`Re-opened: ${describe(event)}`);
    } else {
      note(describe(event));
    }
  } else if (isOver(event)) {
    thread.openIncidentIds = thread.openIncidentIds.filter((id) => id !== incident.id);
    if (thread.openIncidentIds.length === 0 && thread.resolvedAt === null) {
      thread.resolvedAt = event.at;
      thread.level = "operational";
      note(describe(event));
    }
  } else if (event.kind === "escalated" || event.kind === "deescalated") {
    if (incident.currentLevel !== thread.level) {
      thread.level = incident.currentLevel;
      note(describe(event));
    }
  } else if (event.kind === "updated") {
    if (event.origin === "official") note(describe(event));
    else if (incident.peakPerMinute >= Math.max(1, thread.sentPeakPerMinute) * (1 + rules.minPeakGrowth))
      note(describe(event));
  }

  if (incident.peakPerMinute > thread.peakPerMinute) thread.peakPerMinute = incident.peakPerMinute;
  if (incident.currentLevel !== "operational" && levelRank(incident.currentLevel) > levelRank(thread.level)) {
    thread.level = incident.currentLevel;
  }
  if (changed) thread.desiredVersion += 1;
  return { thread, changed };
}
