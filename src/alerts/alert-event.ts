import type { Incident, IncidentEventKind } from "../domain/incident.js";

/** What the vendor said, carried by an alert event that came from a status page. */
export interface OfficialNote {
  name: string;
  status: string;
  latestUpdate: string | null;
  url: string | null;
}

/**
 * An incident change as the alerts see it: from the crowd aggregator, or from an official
 * status page incident (then `incident` is the official incident in the common Incident shape).
 */
export interface AlertEvent {
  kind: IncidentEventKind;
  at: number;
  origin: "crowd" | "official";
  incident: Incident;
  official?: OfficialNote;
}
