/**
 * Redis keys of the scaled-out deployment, all under one prefix (the store's namespace by default,
 * so one Redis can hold several deployments and a test run can clean up its own).
 */
export interface ScaleKeys {
  /** Stream of crowd reports from every process. */
  readonly stream: string;
  /** Consumer group of the aggregator on that stream. */
  readonly group: string;
  /** The leader lock: held by the one worker that runs pollers, aggregator and alert delivery. */
  readonly lock: string;
  /** One service's published StatusReport JSON. */
  status(serviceId: string): string;
  /** One service's region breakdowns (every window) as JSON. */
  regions(serviceId: string): string;
  /** One service's last-24 h series as JSON. */
  series(serviceId: string): string;
  /** One service's incidents (open and recent) as JSON. */
  incidents(serviceId: string): string;
  /** Services with problems now, worst first, as JSON. */
  readonly problems: string;
  /** Open and recent incidents of every service as JSON. */
  readonly allIncidents: string;
  /** One reporter's recent reports, for the gateways' shared reporter guard. */
  reporter(reporterHash: string): string;
  /** Every key of this prefix, for SCAN clean-ups. */
  readonly pattern: string;
}

/** The keys under `prefix` (`outage` in production, a unique one per test run). */
export function scaleKeys(prefix: string): ScaleKeys {
  const k = (rest: string) => `${prefix}:scale:${rest}`;
  return {
    stream: k("reports"),
    group: "aggregator",
    lock: k("leader"),
    status: (id) => k(`board:status:${id}`),
    regions: (id) => k(`board:regions:${id}`),
    series: (id) => k(`board:series:${id}`),
    incidents: (id) => k(`board:incidents:${id}`),
    problems: k("board:problems"),
    allIncidents: k("board:incidents"),
    reporter: (hash) => k(`guard:${hash}`),
    pattern: `${prefix}:scale:*`,
  };
}
