/**
 * An intake that counts Discord and import reports into the report metrics. API reports are left
 * to the HTTP route, which counts a whole batch at once.
 */
export function meteredIntake(intake, metrics) {
    return {
        async submit(offer) {
            const result = await intake.submit(offer);
            if (offer.source !== "api") {
                if (result.accepted)
                    metrics.reportsAccepted.inc({ source: offer.source });
                else
                    metrics.reportsRejected.inc({ source: offer.source, reason: result.reason });
            }
            return result;
        },
    };
}
//# sourceMappingURL=metered-intake.js.map