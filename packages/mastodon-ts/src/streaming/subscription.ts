/** What a stream subscribes to, and how that reads as an SSE path or a WebSocket message. */

export interface Subscription {
  /** Mastodon's stream name: user, user:notification, public, public:local, public:remote, public:media, ..., hashtag, hashtag:local, list, direct. */
  stream: string;
  tag?: string;
  list?: string;
}

/** /api/v1/streaming/public/local?..., the SSE form of a subscription. */
export function ssePath(subscription: Subscription): string {
  const query = new URLSearchParams();
  if (subscription.tag !== undefined) query.set("tag", subscription.tag);
  if (subscription.list !== undefined) query.set("list", subscription.list);
  const search = query.toString();
  return `/api/v1/streaming/${subscription.stream.replace(/:/g, "/")}${search ? `?${search}` : ""}`;
}

/** The WebSocket subscribe / unsubscribe message. */
export function wsMessage(type: "subscribe" | "unsubscribe", subscription: Subscription): string {
  return JSON.stringify({ type, ...subscription });
}

/** Whether a multiplexed message's `stream` array belongs to this subscription. */
export function matchesStream(subscription: Subscription, stream: readonly string[] | undefined): boolean {
  if (!stream || stream.length === 0) return true;
  if (stream[0] !== subscription.stream) return false;
  if (subscription.tag !== undefined) return (stream[1] ?? "").toLowerCase() === subscription.tag.toLowerCase();
  if (subscription.list !== undefined) return stream[1] === subscription.list;
  return true;
}
