// The built-in catalog. How the status pages were checked (2026-11-26): every `statusPage` below was
// confirmed in public material found with the project's search tool, not guessed from a host name:
// vendor-health write-ups that probed the endpoint live (e.g. a pack of 35+ API integrations that
// records "checked rather than assumed" Statuspage/incident.io/status.io/Instatus endpoints, and a
// 2026-09 probe of 218 vendor pages), vendors' own client code (OpenAI's Codex reads
// status.openai.com/api/v2/summary.json; Linode's Cloud Manager reads status.linode.com/api/v2), and
// captured payloads (Discord's page object, Coinbase's components). Pages that moved were followed to
// where they answer today (status.anthropic.com → status.claude.com, status.zoom.us → www.zoomstatus.com).
// Kinds: "atlassian" = Statuspage v2; "incidentio" = incident.io-hosted pages that serve the same
// /api/v2/summary.json (OpenAI, Square); "statusio" = status.io pages (GitLab, Roblox: their public API
// is keyed by a page id, 5b36dc6502d06804c08349f7 and 59db90dbcdeb2f04dadcf16d); "instatus" = Instatus
// (Perplexity); "google-cloud" = Google's incidents.json dashboards (Cloud, and Workspace for Gmail,
// Drive and Meet). Hosts that hobby projects often treat as Statuspage but that are not (Roblox, GitLab,
// Notion, Slack, Stripe, PayPal, Meta, Microsoft 365, LinkedIn's consumer site) were given their real
// kind, or no status page when their format is not one we poll or nothing machine-readable exists.
import type { Service } from "../domain/service.js";
import { AI, CLOUD, DEV } from "./services/cloud-dev.js";
import { GAMES, STREAMING } from "./services/games-streaming.js";
import { ISP, OTHER, PAYMENTS } from "./services/money.js";
import { PRODUCTIVITY } from "./services/productivity.js";
import { CHAT, SOCIAL } from "./services/social-chat.js";

/** Every built-in service, grouped by category. */
export const builtInServices: readonly Service[] = [
  ...SOCIAL,
  ...CHAT,
  ...GAMES,
  ...CLOUD,
  ...DEV,
  ...PAYMENTS,
  ...ISP,
  ...STREAMING,
  ...PRODUCTIVITY,
  ...AI,
  ...OTHER,
];
