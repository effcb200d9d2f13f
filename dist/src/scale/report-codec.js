import { CrowdReportSchema } from "../domain/report.js";
/** The one field of a stream entry: the CrowdReport as JSON. */
export const REPORT_FIELD = "r";
/** A CrowdReport as stream entry fields. */
export function encodeReport(report) {
    return { [REPORT_FIELD]: JSON.stringify(report) };
}
/**
 * The CrowdReport in a stream entry, or the reason it cannot be read. Entries cross process
 * boundaries (and versions), so they are checked like any edge input.
 */
export function decodeReport(fields) {
    const raw = fields?.[REPORT_FIELD];
    if (typeof raw !== "string")
        return { ok: false, reason: `entry has no "${REPORT_FIELD}" field` };
    let json;
    try {
        json = JSON.parse(raw);
    }
    catch {
        return { ok: false, reason: "entry is not JSON" };
    }
    const parsed = CrowdReportSchema.safeParse(json);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return {
            ok: false,
            reason: `entry is not a report: ${issue?.path.join(".") ?? ""} ${issue?.message ?? ""}`.trim(),
        };
    }
    return { ok: true, report: parsed.data };
}
//# sourceMappingURL=report-codec.js.map