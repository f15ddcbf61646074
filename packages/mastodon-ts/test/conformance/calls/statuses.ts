/** Statuses, polls, scheduled statuses and media. */
import { call, type CallEntry, type Client, type RecordedCall } from "./core.ts";

/** The poll of a status_post request (a JSON body, or form pairs poll[...]). */
function pollOf(r: RecordedCall): Record<string, unknown> | undefined {
  const options = r.list("poll[options]");
  if (!options) return undefined;
  return {
    options,
    expires_in: r.num("poll[expires_in]"),
    multiple: r.bool("poll[multiple]"),
    hide_totals: r.bool("poll[hide_totals]"),
  };
}

const idOrEntity = (r: RecordedCall, key: string): unknown => {
  const id = r.str(key);
  return id === undefined ? undefined : r.entityOr(id);
};

/** status_post's options, as Mastodon.py was given them. */
export function statusPostOptions(r: RecordedCall): Record<string, unknown> {
  return {
    in_reply_to_id: idOrEntity(r, "in_reply_to_id"),
    media_ids: r.list("media_ids")?.map((id) => r.entityOr(id)),
    sensitive: r.bool("sensitive"),
    visibility: r.str("visibility"),
    spoiler_text: r.str("spoiler_text"),
    language: r.str("language"),
    scheduled_at: r.date("scheduled_at"),
    poll: pollOf(r),
    quote_id: idOrEntity(r, "quote_id"),
    quoted_status_id: idOrEntity(r, "quoted_status_id"),
    quote_approval_policy: r.str("quote_approval_policy"),
  };
}

export const postedType = (r: RecordedCall): string => (r.has("scheduled_at") ? "ScheduledStatus" : "Status");

/** "x,y" → [x, y]. */
export function focusOf(value: string | undefined): [number, number] | undefined {
  if (value === undefined) return undefined;
  const [x = "", y = ""] = value.split(",");
  return [Number(x), Number(y)];
}

/** A data: URI → its bytes and type. */
function dataUri(value: unknown): { bytes: Uint8Array; type: string } | undefined {
  if (typeof value !== "string") return undefined;
  const match = /^data:([^;,]+);base64,(.*)$/s.exec(value);
  return match ? { type: match[1] ?? "", bytes: new Uint8Array(Buffer.from(match[2] ?? "", "base64")) } : undefined;
}

/** status_update's media_attributes, rebuilt with generate_media_edit_attributes as Mastodon.py's caller did. */
async function mediaAttributes(m: Client, r: RecordedCall): Promise<unknown[] | undefined> {
  const attributes = r.json.media_attributes;
  if (!Array.isArray(attributes)) return undefined;
  const out: unknown[] = [];
  for (const item of attributes as Array<Record<string, unknown>>) {
    const thumbnail = dataUri(item.thumbnail);
    out.push(await m.generateMediaEditAttributes(r.entityOr(String(item.id)), {
      description: item.description, focus: focusOf(item.focus as string | undefined),
      thumbnail: thumbnail?.bytes, thumb_mimetype: thumbnail?.type,
    }));
  }
  return out;
}

async function statusUpdate(m: Client, r: RecordedCall): Promise<unknown> {
  return m.statusUpdate(r.ref(), r.str("status"), {
    spoiler_text: r.str("spoiler_text"), sensitive: r.bool("sensitive"),
    media_ids: r.list("media_ids")?.map((id) => r.entityOr(id)), poll: pollOf(r),
    media_attributes: await mediaAttributes(m, r), quote_approval_policy: r.str("quote_approval_policy"),
  });
}

/** How many times Mastodon.py polled the attachment after uploading it (synchronous media_post). */
function polls(r: RecordedCall): number {
  const id = (r.response.json as { id?: unknown } | undefined)?.id;
  const first = r.ahead(1);
  if (r.response.status !== 202 || !first || !r.nextIs(`GET /api/v1/media/${String(id)}`)) return 0;
  return first.run();
}

/** media_post: synchronous when Mastodon.py polled the attachment right after a 202. */
function mediaPost(m: Client, r: RecordedCall): unknown {
  const file = r.file("file");
  const thumbnail = r.file("thumbnail");
  const polled = polls(r) > 0;
  return m.mediaPost(file?.bytes, {
    mime_type: file?.contentType, description: r.str("description"), focus: focusOf(r.str("focus")),
    thumbnail: thumbnail?.bytes, thumbnail_mime_type: thumbnail?.contentType, synchronous: polled || undefined,
  });
}

export const STATUS_CALLS: readonly CallEntry[] = [
  call("POST /api/v1/statuses", "statusPost", postedType, (m, r) => m.statusPost(r.str("status"), statusPostOptions(r))),
  call("GET /api/v1/statuses", "statuses", "Status[]", (m, r) => m.statuses(r.list("id"))),
  call("GET /api/v1/statuses/:id", "status", "Status", (m, r) => m.status(r.ref())),
  call("PUT /api/v1/statuses/:id", "statusUpdate", "Status", statusUpdate,
    { when: (r) => Array.isArray(r.json.media_attributes), uses: ["generateMediaEditAttributes"] }),
  call("PUT /api/v1/statuses/:id", "statusUpdate", "Status", statusUpdate),
  call("DELETE /api/v1/statuses/:id", "statusDelete", "Status",
    (m, r) => m.statusDelete(r.ref(), { delete_media: r.bool("delete_media") })),
  call("GET /api/v1/statuses/:id/context", "statusContext", "Context", (m, r) => m.statusContext(r.ref())),
  call("GET /api/v1/statuses/:id/reblogged_by", "statusRebloggedBy", "Account[]", (m, r) => m.statusRebloggedBy(r.ref())),
  call("GET /api/v1/statuses/:id/favourited_by", "statusFavouritedBy", "Account[]", (m, r) => m.statusFavouritedBy(r.ref())),
  call("GET /api/v1/statuses/:id/card", "statusCard", "PreviewCard|null", (m, r) => m.statusCard(r.ref())),
  call("GET /api/v1/statuses/:id/history", "statusHistory", "StatusEdit[]", (m, r) => m.statusHistory(r.ref())),
  call("GET /api/v1/statuses/:id/source", "statusSource", "StatusSource", (m, r) => m.statusSource(r.ref())),
  call("GET /api/v1/statuses/:id/quotes", "statusQuotes", "Status[]", (m, r) => m.statusQuotes(r.ref(), r.paging())),
  call("POST /api/v1/statuses/:id/quotes/:quoting/revoke", "statusQuoteRevoke", "Status",
    (m, r) => m.statusQuoteRevoke(r.ref(), r.ref("quoting"))),
  call("PUT /api/v1/statuses/:id/interaction_policy", "statusUpdateQuoteApprovalPolicy", "Status",
    (m, r) => m.statusUpdateQuoteApprovalPolicy(r.ref(), r.str("quote_approval_policy"))),
  call("POST /api/v1/statuses/:id/reblog", "statusReblog", "Status", (m, r) => m.statusReblog(r.ref(), { visibility: r.str("visibility") })),
  call("POST /api/v1/statuses/:id/unreblog", "statusUnreblog", "Status", (m, r) => m.statusUnreblog(r.ref())),
  call("POST /api/v1/statuses/:id/favourite", "statusFavourite", "Status", (m, r) => m.statusFavourite(r.ref())),
  call("POST /api/v1/statuses/:id/unfavourite", "statusUnfavourite", "Status", (m, r) => m.statusUnfavourite(r.ref())),
  call("POST /api/v1/statuses/:id/mute", "statusMute", "Status", (m, r) => m.statusMute(r.ref())),
  call("POST /api/v1/statuses/:id/unmute", "statusUnmute", "Status", (m, r) => m.statusUnmute(r.ref())),
  call("POST /api/v1/statuses/:id/pin", "statusPin", "Status", (m, r) => m.statusPin(r.ref())),
  call("POST /api/v1/statuses/:id/unpin", "statusUnpin", "Status", (m, r) => m.statusUnpin(r.ref())),
  call("POST /api/v1/statuses/:id/bookmark", "statusBookmark", "Status", (m, r) => m.statusBookmark(r.ref())),
  call("POST /api/v1/statuses/:id/unbookmark", "statusUnbookmark", "Status", (m, r) => m.statusUnbookmark(r.ref())),
  call("POST /api/v1/statuses/:id/translate", "statusTranslate", "Translation", (m, r) => m.statusTranslate(r.ref(), { lang: r.str("lang") })),

  call("GET /api/v1/scheduled_statuses", "scheduledStatuses", "ScheduledStatus[]", (m, r) => m.scheduledStatuses(r.paging())),
  call("GET /api/v1/scheduled_statuses/:id", "scheduledStatus", "ScheduledStatus", (m, r) => m.scheduledStatus(r.ref())),
  call("PUT /api/v1/scheduled_statuses/:id", "scheduledStatusUpdate", "ScheduledStatus",
    (m, r) => m.scheduledStatusUpdate(r.ref(), r.date("scheduled_at"))),
  call("DELETE /api/v1/scheduled_statuses/:id", "scheduledStatusDelete", "any", (m, r) => m.scheduledStatusDelete(r.ref())),

  call("GET /api/v1/polls/:id", "poll", "Poll", (m, r) => m.poll(r.ref())),
  call("POST /api/v1/polls/:id/votes", "pollVote", "Poll", (m, r) => {
    const choices = (r.list("choices") ?? []).map(Number);
    return m.pollVote(r.ref(), choices.length === 1 ? choices[0] : choices);
  }),

  call("POST /api/v2/media", "mediaPost", "MediaAttachment", mediaPost, { consumes: (r) => 1 + polls(r) }),
  call("POST /api/v1/media", "mediaPost", "MediaAttachment", mediaPost),
  call("GET /api/v1/media/:id", "media", "MediaAttachment", (m, r) => m.media(r.ref())),
  call("PUT /api/v1/media/:id", "mediaUpdate", "MediaAttachment", (m, r) => {
    const thumbnail = r.file("thumbnail");
    return m.mediaUpdate(r.ref(), {
      description: r.str("description"), focus: focusOf(r.str("focus")),
      thumbnail: thumbnail?.bytes, thumbnail_mime_type: thumbnail?.contentType,
    });
  }),
];
