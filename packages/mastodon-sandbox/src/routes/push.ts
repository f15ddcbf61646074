// Web Push subscriptions (docs: methods/push.md). The sandbox stores them per access token
// and renders them faithfully, but never delivers a push message.
import { VAPID_KEY } from "../render/misc.js";
import type { Context } from "../server/context.js";
import { recordNotFound, validationFailed } from "../server/errors.js";
import { json } from "../server/response.js";
import type { Router } from "../server/router.js";
import type { PushSubscriptionRecord } from "../state/types.js";

const ALERTS = ["mention", "status", "reblog", "follow", "follow_request", "favourite", "poll", "update", "admin.sign_up", "admin.report", "quote", "quoted_update"];
const POLICIES = ["all", "followed", "follower", "none"] as const;

function render(subscription: PushSubscriptionRecord) {
  return {
    // Mastodon renders this id as a number, unlike every other id.
    id: Number(subscription.id),
    endpoint: subscription.endpoint,
    standard: subscription.standard,
    alerts: subscription.alerts,
    policy: subscription.policy,
    server_key: VAPID_KEY,
  };
}

function tokenOf(c: Context): string {
  const token = c.auth?.token.token;
  if (!token) throw recordNotFound();
  return token;
}

function applyData(c: Context, subscription: PushSubscriptionRecord): void {
  const data = c.params.obj("data");
  const alerts = data?.obj("alerts");
  for (const name of ALERTS) {
    const value = alerts?.bool(name);
    if (value !== undefined) subscription.alerts[name] = value;
  }
  const policy = POLICIES.find((p) => p === data?.str("policy"));
  if (policy) subscription.policy = policy;
}

export function pushRoutes(r: Router): void {
  const push = { access: "user", scopes: ["push"] } as const;

  r.post("/api/v1/push/subscription", push, (c) => {
    const input = c.params.obj("subscription");
    const endpoint = input?.str("endpoint") ?? "";
    const keys = input?.obj("keys");
    if (!/^https?:\/\//.test(endpoint)) throw validationFailed("Endpoint is not a valid URL");
    if (!keys?.str("p256dh") || !keys.str("auth")) throw validationFailed("Keys can't be blank");
    const subscription: PushSubscriptionRecord = {
      id: c.store.sequences.next("web_push_subscriptions"),
      endpoint,
      standard: input?.bool("standard") ?? false,
      alerts: {},
      policy: "all",
    };
    applyData(c, subscription);
    c.store.pushSubscriptions.set(tokenOf(c), subscription);
    return json(render(subscription));
  });

  r.get("/api/v1/push/subscription", push, (c) => {
    const subscription = c.store.pushSubscriptions.get(tokenOf(c));
    if (!subscription) throw recordNotFound();
    return json(render(subscription));
  });

  r.put("/api/v1/push/subscription", push, (c) => {
    const subscription = c.store.pushSubscriptions.get(tokenOf(c));
    if (!subscription) throw recordNotFound();
    applyData(c, subscription);
    return json(render(subscription));
  });

  r.delete("/api/v1/push/subscription", push, (c) => {
    c.store.pushSubscriptions.delete(tokenOf(c));
    return json({});
  });
}
