/** Calls a listener's callbacks for one event; a callback that throws never ends the stream. */
import type { StreamEvent } from "./events.js";
import type { StreamListener } from "./listener.js";

function call(listener: StreamListener, run: () => void): void {
  try {
    run();
  } catch (error) {
    try {
      listener.onError(error instanceof Error ? error : new Error(String(error)));
    } catch {
      // An onError that throws too has nowhere left to report to.
    }
  }
}

export function dispatch(listener: StreamListener, event: StreamEvent): void {
  const name = event.event === "unknown" ? event.name : event.event;
  call(listener, () => listener.onAnyEvent(name, event.payload));
  call(listener, () => {
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
  });
}

export { call as callSafely };
