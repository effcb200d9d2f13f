import { LEVEL_LABELS } from "../../src/domain/levels.js";
import type { OfficialStatus } from "../../src/domain/official.js";
import { PROBLEM_LABELS } from "../../src/domain/problems.js";
import type { ReplyButton, ReplyEmbed, ReplyField } from "../../src/domain/reply.js";
import type { Service } from "../../src/domain/service.js";
import type { StatusReport } from "../../src/domain/status-report.js";
import { cutText } from "../limits.js";
import { change, count, discordTime, escapeMarkdown, flag, LEVEL_COLORS, levelText, percent } from "./format.js";

const TOP = 5;

/** The current rate against the usual ("795×", "+30%"), from the aggregator's ratio. */
export function rateText(crowd: StatusReport["crowd"]): string {
  return crowd.ratio > 0 ? change(crowd.ratio, 1) : change(crowd.lastHour, crowd.baselineHour);
}

/** The vendor's status page for a service: what the page reported, else the catalog's. */
export function statusPageUrl(report: StatusReport | null, service: Service): string | undefined {
  return report?.official?.pageUrl ?? service.statusPage?.url ?? undefined;
}

function reportsField(report: StatusReport): ReplyField {
  const { crowd } = report;
  const lines = [
    `**${count(crowd.last15m)}** in the last 15 min`,
    `**${count(crowd.lastHour)}** in the last hour`,
    `usually ~${count(crowd.baselineHour)} an hour`,
    // "-100% the usual rate" reads as an error; no reports at all is simply quiet.
    crowd.last15m + crowd.lastHour > 0 ? `now at ${rateText(crowd)} the usual rate` : "quiet right now",
  ];
  // How broad the evidence is: distinct servers (or independent API reporters) in the last hour.
  if (crowd.guilds > 0) lines.push(`reports from ${count(crowd.guilds)} server${crowd.guilds === 1 ? "" : "s"}`);
  return { name: "Reports", value: lines.join("\n"), inline: true };
}

function regionsField(report: StatusReport): ReplyField | null {
  if (report.regions.length === 0) return null;
  const lines = report.regions
    .slice(0, TOP)
    .map((r) =>
      `${flag(r.region)} ${escapeMarkdown(r.name)}: ${count(r.reports)} (${percent(r.share, r.reports)})`.trim(),
    );
  if (report.regions.length > TOP) lines.push(`… and ${report.regions.length - TOP} more`);
  return { name: "Top regions", value: lines.join("\n"), inline: true };
}

function problemsField(report: StatusReport): ReplyField | null {
  if (report.problems.length === 0) return null;
  const lines = report.problems
    .slice(0, TOP)
    .map((p) => `${PROBLEM_LABELS[p.problem]}: ${percent(p.share, p.reports)} (${count(p.reports)})`);
  return { name: "Top problems", value: lines.join("\n"), inline: true };
}

function incidentField(report: StatusReport): ReplyField | null {
  const incident = report.incident;
  if (!incident) return null;
  const lines = [
    `Started ${discordTime(incident.startedAt, "f")} (${discordTime(incident.startedAt)})`,
    `Peak ${discordTime(incident.peakAt, "t")}: ${count(incident.peakPerMinute)} reports a minute`,
    `Worst: ${LEVEL_LABELS[incident.level]}`,
  ];
  if (incident.resolvedAt && Date.parse(incident.resolvedAt) <= Date.parse(report.asOf)) {
    lines.push(`Resolved ${discordTime(incident.resolvedAt)}`);
  }
  return { name: "Incident", value: lines.join("\n") };
}

function officialLine(official: OfficialStatus): string {
  const said = official.description ? escapeMarkdown(official.description) : "No summary given";
  if (official.stale) {
    const since = official.fetchedAt ? ` since ${discordTime(official.fetchedAt)}` : "";
    return `${said} (the status page has not answered${since}; this may be out of date)`;
  }
  return official.fetchedAt ? `${said} (checked ${discordTime(official.fetchedAt)})` : said;
}

/** The vendor's own word: overall status, then each open incident and maintenance. */
export function officialField(official: OfficialStatus | null): ReplyField | null {
  if (!official) return null;
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
export function statusEmbed(report: StatusReport, service: Service): ReplyEmbed {
  const since = report.since ? `\nSince ${discordTime(report.since)} (${discordTime(report.since, "f")})` : "";
  const maintenance = report.maintenance ? "\n🛠️ Scheduled maintenance is in progress." : "";
  const pageUrl = statusPageUrl(report, service);
  const fields = [
    reportsField(report),
    regionsField(report),
    problemsField(report),
    incidentField(report),
    officialField(report.official),
  ].filter((f): f is ReplyField => f !== null);
  if (pageUrl) fields.push({ name: "Status page", value: `[${service.name} status page](${pageUrl})` });
  const held = report.crowd.suspected.reduce((sum, s) => sum + s.reports, 0);
  const embed: ReplyEmbed = {
    title: `${service.name}: ${levelText(report.level)}`,
    description: `${escapeMarkdown(report.reason)}${since}${maintenance}`,
    color: LEVEL_COLORS[report.level],
    fields,
    footer: held > 0 ? `${count(held)} suspect reports held back · as of` : "As of",
    timestamp: report.asOf,
  };
  if (pageUrl) embed.url = pageUrl;
  return embed;
}

/** Refresh and Report buttons under a status reply, plus a link to the status page. */
export function statusButtons(service: Service, pageUrl: string | undefined): ReplyButton[][] {
  const row: ReplyButton[] = [
    { label: "Refresh", style: "secondary", customId: `outage:refresh:${service.id}` },
    { label: "Report a problem", style: "primary", customId: `outage:report:${service.id}` },
  ];
  if (pageUrl) row.push({ label: "Status page", style: "link", url: pageUrl });
  return [row];
}
