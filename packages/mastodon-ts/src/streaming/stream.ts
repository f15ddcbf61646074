/**
 * A stream that never silently dies and never loses an event:
 * - a watchdog notices a connection that went quiet (no data, no heartbeat) and replaces it;
 * - reconnects back off exponentially with jitter and resubscribe;
 * - after a reconnect, what was missed is fetched over REST and delivered first, in order,
 *   then the live events that arrived meanwhile, with duplicates dropped by id.
 */
import type { MastodonClient } from "../core/client.js";
import { MastodonError, MastodonNetworkError, MastodonNotFoundError, MastodonUnauthorizedError, MastodonAPIError } from "../core/errors.js";
import { catchUpSources, missedEvents, newestId } from "./catch-up.js";
import { callSafely, dispatch } from "./dispatch.js";
import { EventQueue } from "./event-queue.js";
import { eventKey, parseEvent, type RawEvent, type StreamEvent } from "./events.js";
import type { StreamListener, StreamState } from "./listener.js";
import { SeenIds } from "./seen-ids.js";
import type { Subscription } from "./subscription.js";
import type { Link, Transport } from "./transport.js";

export interface StreamSettings {
  /** Seconds without any data or heartbeat before the connection counts as dead. */
  staleTimeoutSec: number;
  reconnect: boolean;
  /** First reconnect delay, in seconds; it doubles up to maxReconnectWaitSec, with jitter. */
  reconnectWaitSec: number;
  maxReconnectWaitSec: number;
  catchUp: boolean;
}

function asMastodonError(error: unknown): MastodonError {
  if (error instanceof MastodonError) return error;
  return new MastodonNetworkError(`Streaming connection failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
}

/** Errors that another attempt cannot fix: bad token, missing scope, unknown list. */
function isPermanent(error: MastodonError): boolean {
  return error instanceof MastodonUnauthorizedError || error instanceof MastodonNotFoundError || (error instanceof MastodonAPIError && error.status === 403);
}

export class StreamHandle implements AsyncIterable<StreamEvent> {
  /** Settles when the stream ends: resolves after close(), rejects when it fails for good. */
  readonly done: Promise<void>;
  private resolveDone!: () => void;
  private rejectDone!: (error: MastodonError) => void;
  private state: StreamState = "connecting";
  private link: Link | null = null;
  private current: object | null = null;
  private lastActivity = 0;
  private lostAt: number | null = null;
  private attempt = 0;
  private watchdog: ReturnType<typeof setInterval> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  /** Marks where the stream started, so a drop before the first event loses nothing either. */
  private baseline: Promise<void> | null = null;
  /** Live events held back while a catch-up runs. */
  private held: StreamEvent[] | null = null;
  private readonly seen = { status: new SeenIds(), notification: new SeenIds() };
  private readonly queue = new EventQueue();

  constructor(
    private readonly client: MastodonClient,
    private readonly transport: Transport,
    readonly subscription: Subscription,
    private readonly listener: StreamListener,
    private readonly settings: StreamSettings,
  ) {
    this.done = new Promise<void>((resolve, reject) => {
      this.resolveDone = resolve;
      this.rejectDone = reject;
    });
    // Nobody has to await `done`: a failure is also reported to onAbort, never as an unhandled rejection.
    this.done.catch(() => undefined);
    // The resume point is read before the first connection: anything newer is caught up later.
    if (settings.catchUp && catchUpSources(subscription).length > 0) {
      this.baseline = this.markStart();
      void this.baseline.then(() => {
        if (!this.closed) this.connect();
      });
    } else {
      this.connect();
    }
    const checkEvery = Math.max(50, Math.min(5000, (settings.staleTimeoutSec * 1000) / 4));
    this.watchdog = setInterval(() => this.checkAlive(), checkEvery);
  }

  get running(): boolean { return this.state !== "closed"; }
  get closed(): boolean { return this.state === "closed"; }
  get reconnecting(): boolean { return this.state === "reconnecting"; }
  get connectionState(): StreamState { return this.state; }

  /** Connected, and data arrived within the stale timeout. */
  isAlive(): boolean {
    return this.state === "open" && this.isReceiving();
  }

  /** Data or a heartbeat arrived within the stale timeout. */
  isReceiving(): boolean {
    return Date.now() - this.lastActivity < this.settings.staleTimeoutSec * 1000;
  }

  /** Ends the stream and releases its socket and timers. */
  close(): void {
    this.finish(null);
  }

  [Symbol.asyncIterator](): AsyncIterator<StreamEvent> {
    return this.queue[Symbol.asyncIterator]();
  }

  private setState(state: StreamState): void {
    if (this.state === state) return;
    this.state = state;
    callSafely(this.listener, () => this.listener.onStateChange(state));
  }

  private connect(): void {
    const reconnecting = this.lostAt !== null;
    this.setState(reconnecting ? "reconnecting" : "connecting");
    this.lastActivity = Date.now();
    // Callbacks of a replaced connection are ignored: each connection gets its own token.
    const token = {};
    this.current = token;
    const live = (): boolean => this.current === token;
    const link = this.transport(this.subscription, {
      onOpen: () => {
        if (!live()) return;
        this.lastActivity = Date.now();
        this.setState("open");
        if (reconnecting) void this.recover(token);
      },
      onEvent: (raw) => {
        if (live()) this.receive(raw);
      },
      onActivity: () => {
        if (live()) this.lastActivity = Date.now();
      },
      onHeartbeat: () => {
        if (live()) callSafely(this.listener, () => this.listener.handleHeartbeat());
      },
      onClose: (error) => {
        if (live()) this.lost(error ?? new MastodonNetworkError("The stream ended"));
      },
    });
    // The transport may already have failed (and a retry been planned) before returning.
    if (live()) this.link = link;
    else link.close();
  }

  private receive(raw: RawEvent): void {
    this.attempt = 0;
    const event = parseEvent(raw);
    if (event instanceof Error) {
      callSafely(this.listener, () => this.listener.onError(event));
      return;
    }
    if (this.held) this.held.push(event);
    else this.deliver(event);
  }

  private deliver(event: StreamEvent): void {
    const key = eventKey(event);
    if (key && !this.seen[key.source].add(key.id)) return;
    dispatch(this.listener, event);
    this.queue.push(event);
  }

  /** Notes the newest id of each catch-up source before the first connection. */
  private async markStart(): Promise<void> {
    for (const source of catchUpSources(this.subscription)) {
      try {
        // An empty list means everything that appears in it later is new: start from id 0.
        this.seen[source.kind].advance((await newestId(this.client, source)) ?? "0");
      } catch (error) {
        callSafely(this.listener, () => this.listener.onError(asMastodonError(error)));
      }
    }
  }

  /**
   * Fetches what was missed, then releases the live events held meanwhile. If the connection
   * drops again meanwhile, this run stops and the next connection's run starts over from the
   * newest id delivered, so the events still held here are fetched again, not lost.
   */
  private async recover(token: object): Promise<void> {
    const downtime = this.lostAt === null ? 0 : Date.now() - this.lostAt;
    this.lostAt = null;
    const superseded = (): boolean => this.current !== token;
    if (this.settings.catchUp) {
      const held: StreamEvent[] = [];
      this.held = held;
      this.seen.status.beginCatchUp();
      this.seen.notification.beginCatchUp();
      try {
        await this.baseline;
        for (const source of catchUpSources(this.subscription)) {
          const since = this.seen[source.kind].newest;
          if (since === null || superseded()) continue;
          for await (const event of missedEvents(this.client, source, since, superseded)) this.deliver(event);
        }
      } catch (error) {
        callSafely(this.listener, () => this.listener.onError(asMastodonError(error)));
      }
      if (superseded()) return;
      this.held = null;
      for (const event of held) this.deliver(event);
      this.seen.status.endCatchUp();
      this.seen.notification.endCatchUp();
    }
    if (!superseded()) callSafely(this.listener, () => this.listener.onReconnected(downtime));
  }

  private lost(error: unknown): void {
    if (this.closed) return;
    const failure = asMastodonError(error);
    this.current = null;
    this.link?.close();
    this.link = null;
    this.lostAt ??= Date.now();
    callSafely(this.listener, () => this.listener.onAbort(failure));
    if (!this.settings.reconnect || isPermanent(failure)) {
      this.finish(failure);
      return;
    }
    this.setState("reconnecting");
    const base = Math.min(this.settings.maxReconnectWaitSec, this.settings.reconnectWaitSec * 2 ** this.attempt);
    const delay = base * 1000 * (0.5 + Math.random()); // jitter: 50% to 150%
    this.attempt++;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (!this.closed) this.connect();
    }, delay);
  }

  private checkAlive(): void {
    if (this.current !== null && !this.isReceiving()) {
      this.lost(new MastodonNetworkError(`No data or heartbeat for ${this.settings.staleTimeoutSec} s: the connection is stale`));
    }
  }

  private finish(error: MastodonError | null): void {
    if (this.state === "closed") return;
    if (this.watchdog) clearInterval(this.watchdog);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.watchdog = null;
    this.retryTimer = null;
    const link = this.link;
    this.link = null;
    this.current = null;
    link?.close();
    this.setState("closed");
    this.queue.end();
    if (error) this.rejectDone(error);
    else this.resolveDone();
  }
}
