import { compareToUsual, formatCount, formatShare } from "../domain/format.js";
import { LEVEL_COLORS, LEVEL_LABELS, LEVEL_MARKS, LEVEL_PHRASES } from "../domain/levels.js";
import { PROBLEM_LABELS } from "../domain/problems.js";
import type { ReplyEmbed, ReplyField, ReplyFile } from "../domain/reply.js";
import type { Service } from "../domain/service.js";
import type { StatusReport } from "../domain/status-report.js";
import { WINDOWS, type WindowId } from "../domain/windows.js";
import type { AlertThread } from "./alert-thread.js";

/** A channel message carrying one alert. Only `mentionRoleIds` may ping. */
export interface AlertMessage {
  content: string;
  embeds: ReplyEmbed[];
  mentionRoleIds: string[];
  /** The chart the embed shows (`attachment://…`); an edit replaces the previous one. */
  files: ReplyFile[];
}

const num = { format: formatCount };
const unix = (ms: number) => Math.floor(ms / 1000);

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function timelineText(thread: AlertThread): string {
  return thread.timeline.map((e) => `<t:${unix(e.at)}:t> ${e.text}`).join("\n");
}

function crowdFields(status: StatusReport): ReplyField[] {
  const fields: ReplyField[] = [];
  const { crowd } = status;
  if (crowd.lastHour > 0 || crowd.last15m > 0) {
    // The same windows and "× usual" the status reply shows.
    // With little history the usual is a guess: the counts alone, and say so.
    const vs = (n: number, window: WindowId) =>
      crowd.littleHistory
        ? ""
        : ` (${compareToUsual(n, (crowd.baselineHour * WINDOWS[window].minutes) / 60)} the usual)`;
    fields.push({
      name: "Reports",
      value:
        `${num.format(crowd.last15m)} in the last 15 min${vs(crowd.last15m, "15m")} · ` +
        `${num.format(crowd.lastHour)} in the last hour${vs(crowd.lastHour, "1h")}` +
        (crowd.littleHistory ? "\nLittle history yet: no usual rate to compare with." : ""),
    });
  }
  if (status.regions.length > 0) {
    const rows = status.regions
      .slice(0, 5)
      .map((r) => `${r.name}: ${num.format(r.reports)} (${formatShare(r.share, r.reports)})`);
    fields.push({ name: "Top regions", value: rows.join("\n"), inline: true });
  }
  if (status.problems.length > 0) {
    const rows = status.problems
      .slice(0, 5)
      .map((p) => `${PROBLEM_LABELS[p.problem]}: ${formatShare(p.share, p.reports)}`);
    fields.push({ name: "Problems", value: rows.join("\n"), inline: true });
  }
  return fields;
}

function officialField(status: StatusReport): ReplyField | null {
  const incidents = status.official?.incidents ?? [];
  if (incidents.length === 0) return null;
  const lines = incidents.slice(0, 3).map((i) => {
    const update = i.latestUpdate ? ` — ${clip(i.latestUpdate, 200)}` : "";
    return `**${clip(i.name, 120)}** (${i.status})${update}`;
  });
  return { name: "Official status", value: clip(lines.join("\n"), 1024) };
}

/**
 * The alert message for a thread as it stands (pure). The embed names the service, level, since
 * when, reports against the usual, top regions and problems, the vendor's incident text, links and
 * the short timeline. The role, when set, is mentioned in the content, never inside the embed.
 */
export function composeAlert(
  thread: AlertThread,
  service: Service,
  status: StatusReport | null,
  chart: ReplyFile | null = null,
): AlertMessage {
  const resolved = thread.resolvedAt !== null;
  const level = resolved ? "operational" : thread.level;
  const title = resolved
    ? `${LEVEL_MARKS.operational} ${service.name}: resolved`
    : `${LEVEL_MARKS[level]} ${service.name}: ${LEVEL_LABELS[level].toLowerCase()}`;
  const since = resolved
    ? `From <t:${unix(thread.startedAt)}:f> to <t:${unix(thread.resolvedAt!)}:t> (${formatDuration(thread.resolvedAt! - thread.startedAt)}).`
    : `Since <t:${unix(thread.startedAt)}:R>.`;
  const reason = !resolved && status ? `\n${status.reason}` : "";
  const peak = thread.peakPerMinute > 0 ? `\nPeak ${num.format(Math.round(thread.peakPerMinute))} reports/min.` : "";

  const fields: ReplyField[] = [];
  if (status && !resolved) fields.push(...crowdFields(status));
  if (status) {
    const official = officialField(status);
    if (official) fields.push(official);
  }
  fields.push({ name: "Timeline", value: clip(timelineText(thread), 1024) });
  const links = [
    service.statusPage ? `[Status page](${service.statusPage.url})` : null,
    service.url ? `[${service.name}](${service.url})` : null,
  ]
    .filter((l): l is string => l !== null)
    .join(" · ");
  if (links) fields.push({ name: "Links", value: links });

  const embed: ReplyEmbed = {
    title: clip(title, 256),
    description: clip(`${since}${reason}${peak}`, 4096),
    color: LEVEL_COLORS[level],
    fields: fields.slice(0, 25),
    footer: "outage-bot · /outage status for details",
  };
  if (service.statusPage) embed.url = service.statusPage.url;
  if (chart) embed.imageUrl = `attachment://${chart.name}`;
  const mention = thread.roleId && !resolved ? `<@&${thread.roleId}> ` : "";
  return {
    content: clip(
      `${mention}${resolved ? `${service.name} is back to normal.` : `${service.name} ${LEVEL_PHRASES[level]}.`}`,
      2000,
    ),
    embeds: [embed],
    mentionRoleIds: thread.roleId && !resolved ? [thread.roleId] : [],
    files: chart ? [chart] : [],
  };
}

/** "2 h 05 min", "12 min". */
export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return `${hours} h ${String(minutes % 60).padStart(2, "0")} min`;
}
