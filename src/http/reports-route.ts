import type { ReportOffer } from "../domain/board.js";
import { mediaType, readBody } from "./body.js";
import type { RouteHandler } from "./deps.js";
import { type BatchFormat, parseReportBatch } from "./report-body.js";
import { HttpError, sendJson } from "./respond.js";

const FORMATS = new Map<string, BatchFormat>([
  ["application/json", "json"],
  ["application/x-ndjson", "ndjson"],
  ["application/ndjson", "ndjson"],
  ["application/jsonl", "ndjson"],
]);

/** What the API answers for each report of a batch. */
type ItemResult =
  | { index: number; line?: number; accepted: true; amended?: true }
  | { index: number; line?: number; accepted: false; reason: string; message: string };

/**
 * `POST /api/reports`: crowd reports as JSON (one or an array) or NDJSON, with a bearer token.
 * Each report is accepted or rejected on its own, with the reason; the valid ones always count.
 */
export const postReports: RouteHandler = async (req, res, deps) => {
  const tokenName = deps.checkToken(req.headers.authorization);
  if (tokenName === null) {
    req.resume();
    const code = req.headers.authorization ? "invalid_token" : "missing_token";
    throw new HttpError(401, code, "send a valid API token as `Authorization: Bearer <token>`", {
      "www-authenticate": 'Bearer realm="outage-bot"',
    });
  }
  const format = FORMATS.get(mediaType(req));
  if (!format) {
    req.resume();
    throw new HttpError(415, "unsupported_media_type", "send application/json or application/x-ndjson");
  }
  const body = await readBody(req, deps.settings.HTTP_BODY_LIMIT_BYTES);
  const now = deps.ctx.now();
  const items = parseReportBatch(body.toString("utf8"), format, deps.settings.HTTP_MAX_REPORTS_PER_REQUEST, {
    at: now,
    source: "api",
    sourceName: tokenName,
  });
  const decision = deps.rateLimit(tokenName, items.length, now);
  if (!decision.allowed) {
    throw new HttpError(
      429,
      "rate_limited",
      `token "${tokenName}" is over its report limit; retry in ${decision.retryAfterS} s (nothing in this request was counted)`,
      { "retry-after": String(decision.retryAfterS) },
      { retryAfter: decision.retryAfterS },
    );
  }

  const results: ItemResult[] = [];
  // Counted per batch, not per report: a labelled counter lookup per line would cost more than the line.
  const rejectedBy = new Map<string, number>();
  const reject = (result: ItemResult & { accepted: false }) => {
    results.push(result);
    rejectedBy.set(result.reason, (rejectedBy.get(result.reason) ?? 0) + 1);
  };
  let accepted = 0;
  let readable = 0;
  // Offered all at once, in order: the intake counts each as it is offered, and the journal writes
  // the request's accepted reports in one batch; each outcome resolves once that batch is durable.
  const outcomes = items.map((item) => {
    if (!("offer" in item)) return null;
    item.offer.regionInferred = false;
    return submit(deps, item.offer);
  });
  for (const [i, item] of items.entries()) {
    const where = item.line === undefined ? { index: item.index } : { index: item.index, line: item.line };
    if (!("offer" in item)) {
      reject({ ...where, accepted: false, reason: item.reason, message: item.message });
      continue;
    }
    readable++;
    const outcome = (await outcomes[i])!;
    if (outcome.accepted) {
      accepted++;
      // An amendment changed the problem of the reporter's earlier report instead of counting a new one.
      results.push(outcome.amended ? { ...where, accepted: true, amended: true } : { ...where, accepted: true });
    } else {
      reject({ ...where, accepted: false, reason: outcome.reason, message: outcome.message });
    }
  }
  if (accepted > 0) deps.metrics.reportsAccepted.inc({ source: "api" }, accepted);
  for (const [reason, n] of rejectedBy) deps.metrics.reportsRejected.inc({ source: "api", reason }, n);
  const rejected = results.length - accepted;
  if (rejected > 0) deps.logger.debug({ tokenName, accepted, rejected }, "api reports with rejections");
  // 400 only when not one line could even be read as JSON; otherwise the results say it all.
  const status = readable === 0 && items.every((i) => "reason" in i && i.reason === "invalid_json") ? 400 : 200;
  const summary = { accepted, rejected, results };
  if (status === 400) {
    sendJson(res, 400, { error: "invalid_json", message: "no line of the body is valid JSON", ...summary });
    return;
  }
  sendJson(res, 200, summary);
};

/** Offers one report; a failure of the intake (a store that is down) rejects that report, not the batch. */
async function submit(deps: Parameters<RouteHandler>[2], offer: ReportOffer) {
  try {
    return await deps.ctx.intake.submit(offer);
  } catch (err) {
    deps.logger.error({ err, service: offer.service }, "report intake failed");
    return { accepted: false as const, reason: "error", message: "the report could not be stored; send it again" };
  }
}
