import type { AlertThreadRepo, SubscriptionRepo } from "../alerts/alert-repos.js";
import { createAlertThreadRepo } from "../store/alert-thread-repo.js";
import type { Store } from "../store/index.js";
import { createSubscriptionRepo } from "../store/subscription-repo.js";

// Apart from the alert wiring (engine, delivery loop, events) so an app that only answers
// commands (`outage-bot ask`, a gateway) does not load alert delivery to read subscriptions.

/** The alert repositories over the store (subscriptions are needed by the bot before alerts start). */
export interface AlertRepos {
  subscriptions: SubscriptionRepo;
  threads: AlertThreadRepo;
}

/** Subscriptions and alert threads in the store's `sub` and `alert` key spaces. */
export function createAlertRepos(store: Pick<Store, "scope">): AlertRepos {
  return {
    subscriptions: createSubscriptionRepo(store.scope("sub")),
    threads: createAlertThreadRepo(store.scope("alert")),
  };
}
