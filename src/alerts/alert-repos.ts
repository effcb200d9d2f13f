import type { AlertThread } from "./alert-thread.js";
import type { Subscription } from "./subscription.js";

/** Subscriptions, shaped by what the bot does with them. Implemented over the store. */
export interface SubscriptionRepo {
  upsert(sub: Subscription): Promise<void>;
  /** Many at once: one write and one update per index (imports, benchmarks). */
  upsertMany(subs: readonly Subscription[]): Promise<void>;
  get(id: string): Promise<Subscription | undefined>;
  remove(id: string): Promise<boolean>;
  list(): Promise<Subscription[]>;
  listByGuild(guildId: string): Promise<Subscription[]>;
  /** Stop delivering to a subscription, keeping it so an admin can see why and subscribe again. */
  pause(id: string, reason: string, at: number): Promise<Subscription | undefined>;
  /** Every subscription of a channel or guild that can no longer be reached. */
  pauseChannel(channelId: string, reason: string, at: number): Promise<Subscription[]>;
}

/** Alert threads: one per channel per outage; the delivery record and the dead letters. */
export interface AlertThreadRepo {
  get(id: string): Promise<AlertThread | undefined>;
  put(thread: AlertThread): Promise<void>;
  /** Many at once: one write and one update per index, so a fan-out does not rewrite an index per thread. */
  putMany(threads: readonly AlertThread[]): Promise<void>;
  /**
   * Record delivery progress of threads already stored in the same state (still active, same
   * channel and service): only the records change, the indexes are left alone.
   */
  saveProgress(threads: readonly AlertThread[]): Promise<void>;
  /** The newest thread of a channel for a service, to continue or re-open it. */
  latestFor(serviceId: string, channelId: string): Promise<AlertThread | undefined>;
  /** latestFor of many channels, in their order, with two reads in all. */
  latestForMany(serviceId: string, channelIds: readonly string[]): Promise<(AlertThread | undefined)[]>;
  /** Threads still to deliver or to follow. */
  listActive(): Promise<AlertThread[]>;
  /** Threads delivery gave up on, with the reason. */
  listDead(): Promise<AlertThread[]>;
}
