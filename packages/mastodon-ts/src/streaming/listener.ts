/**
 * Listeners: Mastodon.py's StreamListener callbacks in lowerCamelCase. Subclass StreamListener
 * and override what you need, or build a CallbackStreamListener from handler functions.
 */
import type { MastodonError, MastodonMalformedEventError } from "../core/errors.js";
import type { Announcement, Conversation, Notification, Status, StreamReaction } from "../entities/index.js";

/** Connection states a stream goes through. */
export type StreamState = "connecting" | "open" | "reconnecting" | "closed";

export class StreamListener {
  /** A new status in the timeline. */
  onUpdate(_status: Status): void {}
  /** A status in the timeline was edited (payload parsed as a Status, unlike Mastodon.py). */
  onStatusUpdate(_status: Status): void {}
  onNotification(_notification: Notification): void {}
  /** A status was deleted: its id. */
  onDelete(_statusId: string): void {}
  onConversation(_conversation: Conversation): void {}
  onAnnouncement(_announcement: Announcement): void {}
  onAnnouncementReaction(_reaction: StreamReaction): void {}
  onAnnouncementDelete(_announcementId: string): void {}
  onFiltersChanged(): void {}
  onEncryptedMessage(_message: Record<string, unknown>): void {}
  /** An event this library does not know, with its raw payload. */
  onUnknownEvent(_name: string, _payload: string): void {}
  /** Every event, before its own callback: its name and parsed payload (raw for unknown events). */
  onAnyEvent(_name: string, _payload: unknown): void {}
  /** The connection failed or dropped; with reconnecting on, the stream goes on after this. */
  onAbort(_error: MastodonError): void {}
  /** A problem that does not end the stream: a malformed event, or a callback that threw. */
  onError(_error: MastodonMalformedEventError | Error): void {}
  /** The connection's state changed. */
  onStateChange(_state: StreamState): void {}
  /** The stream is live again after `downtimeMs` without a connection; missed events follow first. */
  onReconnected(_downtimeMs: number): void {}
  handleHeartbeat(): void {}
}

/** Handler functions, under Mastodon.py's CallbackStreamListener argument names. */
export interface CallbackHandlers {
  update_handler?: (status: Status) => void;
  /** Updates from accounts of this instance only. */
  local_update_handler?: (status: Status) => void;
  delete_handler?: (statusId: string) => void;
  notification_handler?: (notification: Notification) => void;
  conversation_handler?: (conversation: Conversation) => void;
  unknown_event_handler?: (name: string, payload: string) => void;
  status_update_handler?: (status: Status) => void;
  filters_changed_handler?: () => void;
  announcement_handler?: (announcement: Announcement) => void;
  announcement_reaction_handler?: (reaction: StreamReaction) => void;
  announcement_delete_handler?: (announcementId: string) => void;
  encrypted_message_handler?: (message: Record<string, unknown>) => void;
  any_event_handler?: (name: string, payload: unknown) => void;
  abort_handler?: (error: MastodonError) => void;
  error_handler?: (error: Error) => void;
  state_handler?: (state: StreamState) => void;
  reconnected_handler?: (downtimeMs: number) => void;
  heartbeat_handler?: () => void;
}

export class CallbackStreamListener extends StreamListener {
  constructor(private readonly handlers: CallbackHandlers = {}) {
    super();
  }

  override onUpdate(status: Status): void {
    this.handlers.update_handler?.(status);
    // Local accounts have no domain in their acct, as Mastodon.py tells local updates apart.
    if (this.handlers.local_update_handler && !status.account.acct.includes("@")) this.handlers.local_update_handler(status);
  }
  override onStatusUpdate(status: Status): void { this.handlers.status_update_handler?.(status); }
  override onNotification(notification: Notification): void { this.handlers.notification_handler?.(notification); }
  override onDelete(statusId: string): void { this.handlers.delete_handler?.(statusId); }
  override onConversation(conversation: Conversation): void { this.handlers.conversation_handler?.(conversation); }
  override onAnnouncement(announcement: Announcement): void { this.handlers.announcement_handler?.(announcement); }
  override onAnnouncementReaction(reaction: StreamReaction): void { this.handlers.announcement_reaction_handler?.(reaction); }
  override onAnnouncementDelete(id: string): void { this.handlers.announcement_delete_handler?.(id); }
  override onFiltersChanged(): void { this.handlers.filters_changed_handler?.(); }
  override onEncryptedMessage(message: Record<string, unknown>): void { this.handlers.encrypted_message_handler?.(message); }
  override onUnknownEvent(name: string, payload: string): void { this.handlers.unknown_event_handler?.(name, payload); }
  override onAnyEvent(name: string, payload: unknown): void { this.handlers.any_event_handler?.(name, payload); }
  override onAbort(error: MastodonError): void { this.handlers.abort_handler?.(error); }
  override onError(error: Error): void { this.handlers.error_handler?.(error); }
  override onStateChange(state: StreamState): void { this.handlers.state_handler?.(state); }
  override onReconnected(downtimeMs: number): void { this.handlers.reconnected_handler?.(downtimeMs); }
  override handleHeartbeat(): void { this.handlers.heartbeat_handler?.(); }
}
