/** Calls a listener's callbacks for one event; a callback that throws never ends the stream. */
import type { StreamEvent } from "./events.js";
import type { StreamListener } from "./listener.js";

function reportError(listener: StreamListener, error: unknown): void {
  try {
    listener.onError(error instanceof Error ? error : new Error(String(error)));
  } catch {
    // An onError that throws too has nowhere left to report to.
  }
}

// Runs for every event: plain try/catch, no closures.
export function dispatch(listener: StreamListener, event: StreamEvent): void {
  try {
    listener.onAnyEvent(event.event === "unknown" ? event.name : event.event, event.payload);
  } catch (error) {
    reportError(listener, error);
  }
  try {
    deliver(listener, event);
  } catch (error) {
    reportError(listener, error);
  }
}

function deliver(listener: StreamListener, event: StreamEvent): void {
  switch (event.event) {
    case "update": return listener.onUpdate(event.payload);
    case "status.update": return listener.onStatusUpdate(event.payload);
    case "notification": return listener.onNotification(event.payload);
    case "delete": return listener.onDelete(event.payload);
    case "conversation": return listener.onConversation(event.payload);
    case "announcement": return listener.onAnnouncement(event.payload);
    case "announcement.reaction": return listener.onAnnouncementReaction(event.payload);
    case "announcement.delete": return listener.onAnnouncementDelete(event.payload);
    case "filters_changed": return listener.onFiltersChanged();
    case "encrypted_message": return listener.onEncryptedMessage(event.payload);
    case "notifications_merged": return undefined;
    case "unknown": return listener.onUnknownEvent(event.name, event.payload);
  }
}

/** Runs one listener callback outside the event path (state changes, errors, heartbeats). */
export function callSafely(listener: StreamListener, run: () => void): void {
  try {
    run();
  } catch (error) {
    reportError(listener, error);
  }
}
