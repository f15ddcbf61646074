/**
 * Streaming events: the typed form of what Mastodon's streaming server sends, and the parser
 * that turns a raw (event name, data) pair into one. https://docs.joinmastodon.org/methods/streaming/
 * The parser never throws: what it cannot understand becomes a MastodonMalformedEventError value.
 */
import { MastodonMalformedEventError } from "../core/errors.js";
import { reviveDates } from "../core/dates.js";
import type { Announcement, Conversation, Notification, Status, StreamReaction } from "../entities/index.js";

/** One event as the transport delivers it. */
export interface RawEvent {
  event: string;
  /** The data line(s), or the WebSocket message's payload string. */
  data: string;
  /** The WebSocket message's stream names (["hashtag", "cats"]), when multiplexed. */
  stream?: string[] | undefined;
}

export type StreamEvent =
  | { event: "update"; payload: Status; stream?: string[] | undefined }
  | { event: "status.update"; payload: Status; stream?: string[] | undefined }
  | { event: "notification"; payload: Notification; stream?: string[] | undefined }
  | { event: "delete"; payload: string; stream?: string[] | undefined }
  | { event: "conversation"; payload: Conversation; stream?: string[] | undefined }
  | { event: "announcement"; payload: Announcement; stream?: string[] | undefined }
  | { event: "announcement.reaction"; payload: StreamReaction; stream?: string[] | undefined }
  | { event: "announcement.delete"; payload: string; stream?: string[] | undefined }
  | { event: "filters_changed"; payload: null; stream?: string[] | undefined }
  | { event: "encrypted_message"; payload: Record<string, unknown>; stream?: string[] | undefined }
  | { event: "notifications_merged"; payload: null; stream?: string[] | undefined }
  | { event: "unknown"; name: string; payload: string; stream?: string[] | undefined };

type ObjectEvent = "update" | "status.update" | "notification" | "conversation" | "announcement" | "announcement.reaction" | "encrypted_message";

/** Which fields an object payload must have, so a truncated or foreign object is caught here. */
const REQUIRED_FIELDS: Record<ObjectEvent, readonly string[]> = {
  update: ["id", "account", "created_at"],
  "status.update": ["id", "account", "created_at"],
  notification: ["id", "type", "account"],
  conversation: ["id", "accounts"],
  announcement: ["id", "content"],
  "announcement.reaction": ["name", "count", "announcement_id"],
  encrypted_message: [],
};

const ID_EVENTS = new Set(["delete", "announcement.delete"]);

function malformed(raw: RawEvent, reason: string, cause?: unknown): MastodonMalformedEventError {
  return new MastodonMalformedEventError(`Malformed "${raw.event}" event: ${reason}`, raw.event, raw.data, cause === undefined ? undefined : { cause });
}

/** Parses one raw event into a typed event, or a MastodonMalformedEventError. */
export function parseEvent(raw: RawEvent): StreamEvent | MastodonMalformedEventError {
  const { event, stream } = raw;
  if (ID_EVENTS.has(event)) {
    // Ids arrive as bare strings; some servers JSON-quote them.
    const id = raw.data.trim().replace(/^"(.*)"$/, "$1");
    if (!/^[\w.-]+$/.test(id)) return malformed(raw, "expected an id");
    return event === "delete" ? { event, payload: id, stream } : { event: "announcement.delete", payload: id, stream };
  }
  if (event === "filters_changed" || event === "notifications_merged") return { event, payload: null, stream };
  if (!(event in REQUIRED_FIELDS)) return { event: "unknown", name: event, payload: raw.data, stream };
  let payload: unknown;
  try {
    payload = JSON.parse(raw.data);
  } catch (cause) {
    return malformed(raw, "the payload is not JSON", cause);
  }
  if (payload === null || typeof payload !== "object" || Array.isArray(payload)) return malformed(raw, "the payload is not an object");
  const required = REQUIRED_FIELDS[event as ObjectEvent];
  for (let i = 0; i < required.length; i++) {
    if (!((required[i] as string) in payload)) {
      return malformed(raw, `missing ${required.filter((field) => !(field in payload)).join(", ")}`);
    }
  }
  reviveDates(payload);
  return { event, payload, stream } as StreamEvent;
}

/** The id that orders an event within its stream, for catching up and dropping duplicates. */
export function eventKey(event: StreamEvent): { source: "status" | "notification"; id: string } | null {
  if (event.event === "update") return { source: "status", id: event.payload.id };
  if (event.event === "notification") return { source: "notification", id: event.payload.id };
  return null;
}
