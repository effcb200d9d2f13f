import { toCrowdReport } from "../aggregator/intake.js";
/**
 * The ReportIntake of a gateway process: resolves and hashes like the in-process intake, then
 * appends the report to the shared stream. Duplicate and rate-limit decisions stay with the one
 * aggregator, so an accepted result here is `{ accepted: true, queued: true }`: received, not yet
 * counted. Unknown services and regions are still refused at once with the reason.
 */
export function createStreamIntake(deps) {
    return {
        async submit(offer) {
            const built = toCrowdReport(deps, offer);
            if (!built.ok)
                return built.result;
            await deps.producer.append([built.report]);
            return { accepted: true, queued: true };
        },
    };
}
//# sourceMappingURL=stream-intake.js.map