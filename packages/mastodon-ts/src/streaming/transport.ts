/** The interface between a stream and the way its events travel (SSE, or WebSocket). */
import type { RawEvent } from "./events.js";
import type { Subscription } from "./subscription.js";

export interface LinkHandlers {
  /** The server accepted the subscription. */
  onOpen(): void;
  onEvent(event: RawEvent): void;
  /** Any sign of life: bytes, a heartbeat, a ping. Feeds the stale-connection watchdog. */
  onActivity(): void;
  onHeartbeat(): void;
  /** The link ended; `error` says why when it was not closed on purpose. */
  onClose(error: unknown): void;
}

/** One live subscription; close() releases its socket and timers. */
export interface Link {
  close(): void;
}

export type Transport = (subscription: Subscription, handlers: LinkHandlers) => Link;
