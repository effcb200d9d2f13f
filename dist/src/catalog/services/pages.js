/** An Atlassian Statuspage v2 page (`<base>/api/v2/summary.json`). */
export const atlassian = (url) => ({ kind: "atlassian", url });
/** A page hosted by incident.io, which serves a Statuspage-compatible `<base>/api/v2/summary.json`. */
export const incidentio = (url) => ({ kind: "incidentio", url });
/** A page hosted by status.io: `url` is the public page, `pageId` keys its API (api.status.io/1.0/status/<id>). */
export const statusio = (url, pageId) => ({ kind: "statusio", url, pageId });
/** A page hosted by Instatus (`<base>/summary.json`). */
export const instatus = (url) => ({ kind: "instatus", url });
/** Google's incidents JSON dashboards (`<base>/incidents.json`). */
export const googleCloud = (url) => ({ kind: "google-cloud", url });
/** Google Workspace's dashboard, shared by Gmail, Drive, Meet and the rest of Workspace. */
export const WORKSPACE_DASHBOARD = googleCloud("https://www.google.com/appsstatus/dashboard");
/** GitHub's page, which also carries GitHub Copilot. */
export const GITHUB_STATUS = atlassian("https://www.githubstatus.com");
/** Epic Games' page, which also carries Fortnite. */
export const EPIC_STATUS = atlassian("https://status.epicgames.com");
//# sourceMappingURL=pages.js.map