/** Read markers: where the user stopped reading a timeline, shared between apps. https://docs.joinmastodon.org/methods/markers/ */
import { toJson } from "../core/encode.js";
import type { MastodonClient } from "../core/client.js";
import { MastodonIllegalArgumentError } from "../core/errors.js";
import { idsOf, type IdLike } from "../core/ids.js";
import { listOf, type OneOrMany } from "../internal/notification-params.js";
import { checkOneOf } from "../internal/params.js";
import type { Marker } from "../entities/index.js";

/** The timelines that have markers. */
export type MarkerTimeline = "home" | "notifications" | (string & {});

/** Markers by timeline name; a timeline without a marker is absent. */
export type Markers = Record<string, Marker>;

const MARKER_TIMELINES = ["home", "notifications"];

function timelinesOf(value: OneOrMany, argument: string): string[] {
  const timelines = listOf(value) ?? [];
  for (const timeline of timelines) checkOneOf(argument, timeline, MARKER_TIMELINES);
  return timelines;
}

/** The markers of the given timelines ("home" by default; "notifications"; or both). */
export async function markersGet(this: MastodonClient, options: { timeline?: OneOrMany | null } = {}): Promise<Markers> {
  const timeline = timelinesOf(options.timeline ?? ["home"], "timeline");
  return this.request({ method: "GET", path: "/api/v1/markers", params: { timeline }, version: ["3.0.0", "3.0.0"] });
}

/**
 * Sets the last-read position of one or more timelines: `markersSet("home", status)` or
 * `markersSet(["home", "notifications"], [status, notification])`. Sent as JSON, as Mastodon.py does.
 */
export async function markersSet(this: MastodonClient, timelines: OneOrMany, last_read_ids: IdLike | readonly IdLike[]): Promise<Markers> {
  const names = timelinesOf(timelines, "timelines");
  const ids = idsOf(last_read_ids, "last_read_ids");
  if (names.length !== ids.length) {
    throw new MastodonIllegalArgumentError(`timelines and last_read_ids must have the same length (${names.length} and ${ids.length})`);
  }
  const params: Record<string, { last_read_id: string }> = {};
  names.forEach((name, index) => {
    params[name] = { last_read_id: ids[index] ?? "" };
  });
  return this.request({ method: "POST", path: "/api/v1/markers", body: toJson(params), version: ["3.0.0", "3.0.0"] });
}
