/** How alerts pace themselves. One place, so the numbers are stated once and tested as a table. */
export interface AlertRules {
  /** An edit that changes neither the level nor the resolution waits this long after the last send. */
  editCooldownMs: number;
  /** A peak must grow by this fraction over the last sent peak to be worth an edit on its own. */
  minPeakGrowth: number;
  /** A new incident this soon after the last one resolved continues the old message. */
  reopenWindowMs: number;
  /** A thread never posted that learns of its incident this late (after downtime) stays quiet. */
  maxEventAgeMs: number;
  /** Retries of a failing send (5xx, network) before it goes to the dead letters. */
  maxAttempts: number;
  /** First retry delay; doubles per attempt up to maxBackoffMs. */
  baseBackoffMs: number;
  maxBackoffMs: number;
}

export const DEFAULT_ALERT_RULES: AlertRules = {
  editCooldownMs: 60_000,
  minPeakGrowth: 0.25,
  reopenWindowMs: 30 * 60_000,
  maxEventAgeMs: 10 * 60_000,
  maxAttempts: 6,
  baseBackoffMs: 2_000,
  maxBackoffMs: 5 * 60_000,
};

/** Delay before retry number `attempt` (1-based), exponential and capped. */
export function backoffDelay(attempt: number, rules: AlertRules): number {
  return Math.min(rules.maxBackoffMs, rules.baseBackoffMs * 2 ** Math.max(0, attempt - 1));
}
