import { LEVEL_LABELS } from "../../src/domain/levels.js";
import { PROBLEM_LABELS } from "../../src/domain/problems.js";
import { WINDOWS } from "../../src/domain/windows.js";
import { cutText } from "../limits.js";
import { change, count, discordTime, escapeMarkdown, flag, LEVEL_COLORS, levelText, percent } from "./format.js";
const TOP = 5;
/** The usual count for a window, from the usual reports per hour. */
export function usualFor(window, baselineHour) {
    return (baselineHour * WINDOWS[window].minutes) / 60;
}
/** The last 15 minutes against the usual for 15 minutes ("795×", "+30%"): the rate the level is decided on. */
export function rateText(crowd) {
    return change(crowd.last15m, usualFor("15m", crowd.baselineHour));
}
/** The vendor's status page for a service: what the page reported, else the catalog's. */
export function statusPageUrl(report, service) {
    return report?.official?.pageUrl ?? service.statusPage?.url ?? undefined;
}
function reportsField(report) {
    const { crowd } = report;
    // Each count sits next to its own comparison, so "× usual" never reads against another window.
    const line = (window, n) => {
        const counted = `**${count(n)}** in the last ${WINDOWS[window].short}`;
        if (crowd.littleHistory)
            return counted;
        const usual = usualFor(window, crowd.baselineHour);
        return `${counted} · ${change(n, usual)} the usual ~${usualText(usual)}`;
    };
    const lines = crowd.last15m + crowd.lastHour > 0
        ? [line("15m", crowd.last15m), line("1h", crowd.lastHour)]
        : [
            crowd.littleHistory
                ? "None in the last hour"
                : `None in the last hour (usually ~${usualText(crowd.baselineHour)})`,
        ];
    // With little history the usual rate is a guess (often the floor): say so rather than quote it.
    if (crowd.littleHistory)
        lines.push("little history yet: no usual rate to compare with");
    // How broad the evidence is: distinct origins (a server, an API origin, or a reporter on their own).
    if (crowd.guilds > 0) {
        lines.push(`from ${count(crowd.guilds)} separate source${crowd.guilds === 1 ? "" : "s"} (servers or reporters)`);
    }
    return { name: "Reports", value: lines.join("\n"), inline: true };
}
/** A usual count: one decimal below 10 ("0.5"), whole numbers above. */
function usualText(n) {
    return n < 10 ? String(Math.round(n * 10) / 10) : count(n);
}
function regionsField(report) {
    if (report.regions.length === 0)
        return null;
    const lines = report.regions
        .slice(0, TOP)
        .map((r) => `${flag(r.region)} ${escapeMarkdown(r.name)}: ${count(r.reports)} (${percent(r.share, r.reports)})`.trim());
    if (report.regions.length > TOP)
        lines.push(`… and ${report.regions.length - TOP} more`);
    return { name: "Top regions", value: lines.join("\n"), inline: true };
}
function problemsField(report) {
    if (report.problems.length === 0)
        return null;
    const lines = report.problems
        .slice(0, TOP)
        .map((p) => `${PROBLEM_LABELS[p.problem]}: ${percent(p.share, p.reports)} (${count(p.reports)})`);
    return { name: "Top problems", value: lines.join("\n"), inline: true };
}
function incidentField(report) {
    const incident = report.incident;
    if (!incident)
        return null;
    const lines = [
        `Started ${discordTime(incident.startedAt, "f")} (${discordTime(incident.startedAt)})`,
        `Peak ${discordTime(incident.peakAt, "t")}: ${count(incident.peakPerMinute)} reports a minute`,
        `Worst: ${LEVEL_LABELS[incident.level]}`,
    ];
    // The board gives the incident as known at `asOf`: a resolution is only there once it happened.
    lines.push(incident.resolvedAt ? `Resolved ${discordTime(incident.resolvedAt, "t")}` : "Ongoing");
    return { name: "Incident", value: lines.join("\n") };
}
function officialLine(official) {
    const said = official.description ? escapeMarkdown(official.description) : "No summary given";
    if (official.stale) {
        const since = official.fetchedAt ? ` since ${discordTime(official.fetchedAt)}` : "";
        return `${said} (the status page has not answered${since}; this may be out of date)`;
    }
    return official.fetchedAt ? `${said} (checked ${discordTime(official.fetchedAt)})` : said;
}
/** The vendor's own word: overall status, then each open incident and maintenance. */
export function officialField(official) {
    if (!official)
        return null;
    if (official.fetchedAt === null && official.indicator === null) {
        return { name: "Official status", value: "The status page has not answered yet." };
    }
    const lines = [officialLine(official)];
    for (const incident of [...official.incidents, ...official.maintenance]) {
        const name = escapeMarkdown(cutText(incident.name, 120));
        const title = incident.url ? `[${name}](${incident.url})` : `**${name}**`;
        const update = incident.latestUpdate ? `: ${escapeMarkdown(cutText(incident.latestUpdate, 200))}` : "";
        lines.push(`• ${title} (${incident.status})${update}`);
    }
    return { name: "Official status", value: lines.join("\n") };
}
/** The full status embed of one service. */
export function statusEmbed(report, service) {
    const since = report.since ? `\nSince ${discordTime(report.since)} (${discordTime(report.since, "f")})` : "";
    const maintenance = report.maintenance ? "\n🛠️ Scheduled maintenance is in progress." : "";
    const fields = [
        reportsField(report),
        regionsField(report),
        problemsField(report),
        incidentField(report),
        officialField(report.official),
    ].filter((f) => f !== null);
    const held = report.crowd.suspected.reduce((sum, s) => sum + s.reports, 0);
    const embed = {
        title: `${service.name}: ${levelText(report.level)}`,
        description: `${escapeMarkdown(report.reason)}${since}${maintenance}`,
        color: LEVEL_COLORS[report.level],
        fields,
        // Discord prints the timestamp after the footer; the link to the status page is the button.
        ...(held > 0 ? { footer: `${count(held)} suspect reports held back` } : {}),
        timestamp: report.asOf,
    };
    return embed;
}
/** Refresh and Report buttons under a status reply, plus a link to the status page. */
export function statusButtons(service, pageUrl) {
    const row = [
        { label: "Refresh", style: "secondary", customId: `outage:refresh:${service.id}` },
        { label: "Report a problem", style: "primary", customId: `outage:report:${service.id}` },
    ];
    if (pageUrl)
        row.push({ label: "Status page", style: "link", url: pageUrl });
    return [row];
}
//# sourceMappingURL=status-embed.js.map