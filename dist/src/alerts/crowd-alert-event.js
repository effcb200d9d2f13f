/** An aggregator incident event as an alert event (pure). */
export function crowdAlertEvent(event) {
    return { kind: event.kind, at: event.at, origin: "crowd", incident: event.incident };
}
//# sourceMappingURL=crowd-alert-event.js.map