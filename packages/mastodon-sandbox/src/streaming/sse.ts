// Server-sent event streams (docs: methods/streaming.md#http): a ":)" greeting, then
// "event: <name>\ndata: <payload>\n\n" frames and ":thump" heartbeats.
import type { Core } from "../core.js";
import type { AccountRecord } from "../state/types.js";
import type { StreamTarget } from "./channels.js";
import type { StreamSink } from "./hub.js";

export function sseResponse(core: Core, account: AccountRecord, target: StreamTarget): Response {
  const encoder = new TextEncoder();
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  let frozen = false;
  let finished = false;
  let stopHeartbeat: () => void = () => undefined;

  const finish = () => {
    if (finished) return false;
    finished = true;
    stopHeartbeat();
    core.hub.unregister(sink);
    return true;
  };
  const enqueue = (text: string) => {
    if (finished || frozen || !controller) return;
    try {
      controller.enqueue(encoder.encode(text));
    } catch {
      finish();
    }
  };
  const sink: StreamSink = {
    accountId: account.id,
    // filters_changed has no payload; Mastodon's SSE then literally sends "undefined".
    send: (_stream, event, payload) => enqueue(`event: ${event}\ndata: ${payload ?? "undefined"}\n\n`),
    kill: () => {
      if (finish()) controller?.error(new Error("stream cut by fault injection"));
    },
    freeze: () => {
      frozen = true;
    },
    close: () => {
      if (finish()) controller?.close();
    },
  };

  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
      c.enqueue(encoder.encode(":)\n"));
    },
    cancel() {
      finish();
    },
  });
  core.hub.register(sink);
  core.hub.subscribe(sink, target.channels, target.stream);
  stopHeartbeat = core.timers.every(core.options.streaming.heartbeatMs, () => enqueue(":thump\n"));
  return new Response(body, {
    status: 200,
    headers: { "content-type": "text/event-stream", "cache-control": "private, no-store", "x-accel-buffering": "no" },
  });
}
