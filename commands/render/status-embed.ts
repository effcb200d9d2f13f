import { compareToUsual, formatCount, formatShare } from "../../src/domain/format.js";
import { LEVEL_LABELS } from "../../src/domain/levels.js";
import { OFFICIAL_NOT_KNOWN_YET, type OfficialStatus } from "../../src/domain/official.js";
import { PROBLEM_LABELS } from "../../src/domain/problems.js";
import type { ReplyButton, ReplyEmbed, ReplyField } from "../../src/domain/reply.js";
import type { Service } from "../../src/domain/service.js";
import type { StatusReport } from "../../src/domain/status-report.js";
import { WINDOWS, type WindowId } from "../../src/domain/windows.js";
import { cutText } from "../limits.js";
import { discordTime, escapeMarkdown, flag, LEVEL_COLORS, levelText } from "./format.js";

const TOP = 5;

/** The usual count for a window, from the usual reports per hour. */
export function usualFor(window: WindowId, baselineHour: number): number {
  return (baselineHour * WINDOWS[window].minutes) / 60;
}

/** The last 15 minutes against the usual for 15 minutes ("795×", "+30%"): the rate the level is decided on. */
export function rateText(crowd: StatusReport["crowd"]): string {
  return compareToUsual(crowd.last15m, usualFor("15m", crowd.baselineHour));
}

/** The vendor's status page for a service: what the page reported, else the catalog's. */
export function statusPageUrl(report: StatusReport | null, service: Service): string | undefined {
  return report?.official?.pageUrl ?? service.statusPage?.url ?? undefined;
}

function reportsField(report: StatusReport): ReplyField {
  const { crowd } = report;
  // Each count sits next to its own comparison, so "× usual" never reads against another window.
  const line = (window: WindowId, n: number) => {
    const counted = `**${formatCount(n)}** in the last ${WINDOWS[window].short}`;
    if (crowd.littleHistory) return counted;
    const usual = usualFor(window, crowd.baselineHour);
    return n === 0
      ? `${counted} (usually ~${usualText(usual)})`
      : `${counted} · ${compareToUsual(n, usual)} the usual ~${usualText(usual)}`;
  };
  const lines =
    crowd.last15m + crowd.lastHour > 0
      ? [line("15m", crowd.last15m), line("1h", crowd.lastHour)]
      : [
          crowd.littleHistory
            ? "None in the last hour"
            : `None in the last hour (usually ~${usualText(crowd.baselineHour)})`,
        ];
  // With little history the usual rate is a guess (often the floor): say so rather than quote it.
  if (crowd.littleHistory) lines.push("little history yet: no usual rate to compare with");
  // How broad the evidence is: distinct origins (a server, an API origin, or a reporter on their own).
  if (crowd.guilds > 0) {
    lines.push(
      `from ${formatCount(crowd.guilds)} separate source${crowd.guilds === 1 ? "" : "s"} (servers or reporters)`,
    );
  }
  return { name: "Reports", value: lines.join("\n"), inline: true };
}

/** A usual count: one decimal below 10 ("0.5"), whole numbers above. */
function usualText(n: number): string {
  return n < 10 ? String(Math.round(n * 10) / 10) : formatCount(n);
}

function regionsField(report: StatusReport): ReplyField | null {
  if (report.regions.length === 0) return null;
  const lines = report.regions
    .slice(0, TOP)
    .map((r) =>
      `${flag(r.region)} ${escapeMarkdown(r.name)}: ${formatCount(r.reports)} (${formatShare(r.share, r.reports)})`.trim(),
    );
  if (report.regions.length > TOP) lines.push(`… and ${report.regions.length - TOP} more`);
  return { name: "Top regions", value: lines.join("\n"), inline: true };
}

function problemsField(report: StatusReport): ReplyField | null {
  if (report.problems.length === 0) return null;
  const lines = report.problems
    .slice(0, TOP)
    .map((p) => `${PROBLEM_LABELS[p.problem]}: ${formatShare(p.share, p.reports)} (${formatCount(p.reports)})`);
  return { name: "Top problems", value: lines.join("\n"), inline: true };
}

function incidentField(report: StatusReport): ReplyField | null {
  const incident = report.incident;
  if (!incident) return null;
  const lines = [
    `Started ${discordTime(incident.startedAt, "f")} (${discordTime(incident.startedAt)})`,
    `Peak ${discordTime(incident.peakAt, "t")}: ${formatCount(incident.peakPerMinute)} reports a minute`,
    `Worst: ${LEVEL_LABELS[incident.level]}`,
  ];
  // The board gives the incident as known at `asOf`: a resolution is only there once it happened.
  lines.push(incident.resolvedAt ? `Resolved ${discordTime(incident.resolvedAt, "t")}` : "Ongoing");
  return { name: "Incident", value: lines.join("\n") };
}

function officialLine(official: OfficialStatus): string {
  const said = official.description ? escapeMarkdown(official.description) : "No summary given";
  if (official.stale) {
    const since = official.fetchedAt ? ` since ${discordTime(official.fetchedAt)}` : "";
    const why = official.error ? `: ${escapeMarkdown(official.error)}` : "";
    return `${said} (the status page has not answered${since}${why}; this may be out of date)`;
  }
  return official.fetchedAt ? `${said} (checked ${discordTime(official.fetchedAt)})` : said;
}

/** What is known when no good answer from the page is: never checked, never reached, or not for this time. */
function unknownOfficial(official: OfficialStatus): string {
  if (official.error === OFFICIAL_NOT_KNOWN_YET) {
    return "Not known for this time: the bot keeps only its latest check of the status page, which is from later.";
  }
  if (!official.checkedAt) return "Not checked: the bot has not polled this status page (polling may be off).";
  const why = official.error ? `: ${escapeMarkdown(official.error)}` : "";
  return `Never reached${why} (last tried ${discordTime(official.checkedAt)}). What the vendor says is unknown.`;
}

/** The vendor's own word: overall status, then each open incident and maintenance. */
export function officialField(official: OfficialStatus | null): ReplyField | null {
  if (!official) return null;
  if (official.fetchedAt === null) return { name: "Official status", value: unknownOfficial(official) };
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
  const fields = [
    reportsField(report),
    regionsField(report),
    problemsField(report),
    incidentField(report),
    officialField(report.official),
  ].filter((f): f is ReplyField => f !== null);
  const held = report.crowd.suspected.reduce((sum, s) => sum + s.reports, 0);
  const embed: ReplyEmbed = {
    title: `${service.name}: ${levelText(report.level)}`,
    description: `${escapeMarkdown(report.reason)}${since}${maintenance}`,
    color: LEVEL_COLORS[report.level],
    fields,
    // Discord prints the timestamp after the footer; the link to the status page is the button.
    ...(held > 0 ? { footer: `${formatCount(held)} suspect reports held back` } : {}),
    timestamp: report.asOf,
  };
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
