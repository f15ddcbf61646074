/** Timelines and the other paginated lists of statuses; conversations and read markers. */
import { call, type CallEntry, type RecordedCall } from "./core.ts";

/** Options shared by the timeline methods: paging, only_media, local, remote. */
function timelineOptions(r: RecordedCall, withScope = true): Record<string, unknown> {
  return {
    ...r.paging(),
    only_media: r.bool("only_media"),
    ...(withScope ? { local: r.bool("local"), remote: r.bool("remote") } : {}),
  };
}

export const TIMELINE_CALLS: readonly CallEntry[] = [
  call("GET /api/v1/timelines/home", "timelineHome", "Status[]", (m, r) => m.timelineHome(timelineOptions(r))),
  // timeline_local is the public timeline with local=true; without `remote`, that is what Mastodon.py's callers used.
  call("GET /api/v1/timelines/public", "timelineLocal", "Status[]", (m, r) => m.timelineLocal(timelineOptions(r, false)),
    { when: (r) => r.bool("local") === true && !r.has("remote") }),
  call("GET /api/v1/timelines/public", "timelinePublic", "Status[]", (m, r) => m.timelinePublic(timelineOptions(r))),
  call("GET /api/v1/timelines/tag/:tag", "timelineHashtag", "Status[]", (m, r) => m.timelineHashtag(r.param("tag"), timelineOptions(r))),
  call("GET /api/v1/timelines/list/:id", "timelineList", "Status[]", (m, r) => m.timelineList(r.ref(), timelineOptions(r))),
  call("GET /api/v1/timelines/link", "timelineLink", "Status[]", (m, r) => m.timelineLink(r.str("url"), timelineOptions(r))),
  call("GET /api/v1/favourites", "favourites", "Status[]", (m, r) => m.favourites(r.paging())),
  call("GET /api/v1/bookmarks", "bookmarks", "Status[]", (m, r) => m.bookmarks(r.paging())),
  call("GET /api/v1/conversations", "conversations", "Conversation[]", (m, r) => m.conversations(r.paging())),
  call("POST /api/v1/conversations/:id/read", "conversationsRead", "Conversation", (m, r) => m.conversationsRead(r.ref())),
  call("GET /api/v1/markers", "markersGet", "Record<Marker>", (m, r) => m.markersGet({ timeline: r.oneOrList("timeline") })),
  call("POST /api/v1/markers", "markersSet", "Record<Marker>", (m, r) => {
    const markers = Object.entries(r.json) as Array<[string, { last_read_id?: string }]>;
    const timelines = markers.map(([name]) => name);
    const ids = markers.map(([, marker]) => r.entityOr(String(marker.last_read_id)));
    return timelines.length === 1 ? m.markersSet(timelines[0], ids[0]) : m.markersSet(timelines, ids);
  }),
];
