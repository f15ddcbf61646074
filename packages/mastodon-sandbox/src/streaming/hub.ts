// The event bus between the API and the streaming connections, modelled on the Redis
// channels Mastodon's streaming server listens to (docs: methods/streaming.md):
// timeline:<account>, timeline:<account>:notifications, timeline:public[:local|:remote][:media],
// timeline:hashtag:<tag>[:local], timeline:list:<id>, timeline:direct:<account>.

/** One open stream (an SSE response or a WebSocket), as seen by the hub. */
export interface StreamSink {
  readonly accountId: string | null;
  /** `stream` is the WebSocket "stream" array, e.g. ["hashtag", "cats"]. */
  send(stream: string[], event: string, payload: string | undefined): void;
  /** Cut the connection abruptly (fault injection). */
  kill(): void;
  /** Stop sending anything, heartbeats included, but keep the socket open (fault injection). */
  freeze(): void;
  /** Close politely (server shutdown). */
  close(): void;
}

interface Subscription {
  sink: StreamSink;
  stream: string[];
}

export type DeliveryFilter = (viewerId: string | null) => boolean;

export class StreamHub {
  private readonly channels = new Map<string, Set<Subscription>>();
  readonly sinks = new Set<StreamSink>();

  register(sink: StreamSink): void {
    this.sinks.add(sink);
  }

  unregister(sink: StreamSink): void {
    this.sinks.delete(sink);
    for (const [name, subscriptions] of this.channels) {
      for (const subscription of subscriptions) if (subscription.sink === sink) subscriptions.delete(subscription);
      if (subscriptions.size === 0) this.channels.delete(name);
    }
  }

  subscribe(sink: StreamSink, channels: string[], stream: string[]): void {
    for (const channel of channels) {
      let subscriptions = this.channels.get(channel);
      if (!subscriptions) {
        subscriptions = new Set();
        this.channels.set(channel, subscriptions);
      }
      const already = [...subscriptions].some((s) => s.sink === sink && s.stream.join(":") === stream.join(":"));
      if (!already) subscriptions.add({ sink, stream });
    }
  }

  unsubscribe(sink: StreamSink, channels: string[]): void {
    for (const channel of channels) {
      const subscriptions = this.channels.get(channel);
      if (!subscriptions) continue;
      for (const subscription of subscriptions) if (subscription.sink === sink) subscriptions.delete(subscription);
    }
  }

  publish(channel: string, event: string, payload: string | undefined, accept?: DeliveryFilter): void {
    const subscriptions = this.channels.get(channel);
    if (!subscriptions) return;
    for (const { sink, stream } of [...subscriptions]) {
      if (accept && !accept(sink.accountId)) continue;
      sink.send(stream, event, payload);
    }
  }

  killAll(): number {
    const count = this.sinks.size;
    for (const sink of [...this.sinks]) sink.kill();
    return count;
  }

  freezeAll(): number {
    for (const sink of this.sinks) sink.freeze();
    return this.sinks.size;
  }

  closeAll(): void {
    for (const sink of [...this.sinks]) sink.close();
  }
}
