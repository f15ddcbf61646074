/**
 * After a reconnect, fetch through the REST API what the stream missed while it was away:
 * home timeline and notifications for the user stream, the matching timeline for the others.
 * Pages are walked forward with min_id from the newest id seen, oldest first.
 */
import type { MastodonClient } from "../core/client.js";
import { encodeSegment } from "../core/path.js";
import type { Notification, Status } from "../entities/index.js";
import type { StreamEvent } from "./events.js";
import type { Subscription } from "./subscription.js";

interface CatchUpSource {
  kind: "status" | "notification";
  path: string;
  params: Record<string, string | boolean>;
}

const PAGE_LIMIT = 40;

/** The REST lists that hold a subscription's events; empty when it has none (direct, ...). */
export function catchUpSources(subscription: Subscription): CatchUpSource[] {
  const [name = "", ...flags] = subscription.stream.split(":");
  const local = flags.includes("local");
  const remote = flags.includes("remote");
  const onlyMedia = flags.includes("media");
  const timelineParams = { ...(local ? { local: true } : {}), ...(remote ? { remote: true } : {}), ...(onlyMedia ? { only_media: true } : {}) };
  switch (name) {
    case "user":
      return flags.includes("notification")
        ? [{ kind: "notification", path: "/api/v1/notifications", params: {} }]
        : [{ kind: "status", path: "/api/v1/timelines/home", params: {} }, { kind: "notification", path: "/api/v1/notifications", params: {} }];
    case "public":
      return [{ kind: "status", path: "/api/v1/timelines/public", params: timelineParams }];
    case "hashtag":
      return subscription.tag ? [{ kind: "status", path: `/api/v1/timelines/tag/${encodeSegment(subscription.tag)}`, params: timelineParams }] : [];
    case "list":
      return subscription.list ? [{ kind: "status", path: `/api/v1/timelines/list/${encodeSegment(subscription.list)}`, params: {} }] : [];
    default:
      return [];
  }
}

/** The newest item's id in a source right now: where a stream that has seen nothing resumes. */
export async function newestId(client: MastodonClient, source: CatchUpSource): Promise<string | null> {
  const page = await client.request<Array<{ id: string }>>({ method: "GET", path: source.path, params: { ...source.params, limit: 1 } });
  return Array.isArray(page) ? (page[0]?.id ?? null) : null;
}

/** Every item newer than `sinceId`, oldest first, as stream events. */
export async function* missedEvents(client: MastodonClient, source: CatchUpSource, sinceId: string, stopped: () => boolean): AsyncGenerator<StreamEvent> {
  let minId = sinceId;
  while (!stopped()) {
    const page = await client.request<Array<Status | Notification>>({
      method: "GET", path: source.path, params: { ...source.params, min_id: minId, limit: PAGE_LIMIT },
    });
    if (!Array.isArray(page) || page.length === 0 || stopped()) return;
    // min_id pages come newest first; the stream delivers oldest first.
    const oldestFirst = [...page].reverse();
    for (const item of oldestFirst) {
      yield source.kind === "status"
        ? { event: "update", payload: item as Status }
        : { event: "notification", payload: item as Notification };
    }
    minId = oldestFirst[oldestFirst.length - 1]?.id ?? minId;
  }
}
