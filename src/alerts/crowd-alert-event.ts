import type { IncidentEvent } from "../domain/incident.js";
import type { AlertEvent } from "./alert-event.js";

/** An aggregator incident event as an alert event (pure). */
export function crowdAlertEvent(event: IncidentEvent): AlertEvent {
  return { kind: event.kind, at: event.at, origin: "crowd", incident: event.incident };
}
