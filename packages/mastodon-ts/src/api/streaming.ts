/**
 * Streaming: each method opens a stream and returns its handle at once.
 * https://docs.joinmastodon.org/methods/streaming/
 *   const handle = m.streamUser(new CallbackStreamListener({ update_handler: (s) => ... }));
 *   for await (const event of m.streamHashtag("cats")) { ... }
 */
import type { MastodonClient } from "../core/client.js";
import { MastodonIllegalArgumentError } from "../core/errors.js";
import { idOf, type IdLike } from "../core/ids.js";
import { openStream, streamingHealthy, type StreamOptions } from "../streaming/connect.js";
import { StreamListener } from "../streaming/listener.js";
import type { StreamHandle } from "../streaming/stream.js";

export type { StreamOptions };

function listenerOf(listener: StreamListener | null | undefined): StreamListener {
  if (listener === undefined || listener === null) return new StreamListener();
  if (!(listener instanceof StreamListener)) throw new MastodonIllegalArgumentError("listener must be a StreamListener (or a CallbackStreamListener)");
  return listener;
}

/** The logged-in user's home timeline and notifications. */
export function streamUser(this: MastodonClient, listener?: StreamListener | null, options: StreamOptions = {}): StreamHandle {
  return openStream(this, { stream: "user" }, listenerOf(listener), options);
}

/** Only the logged-in user's notifications (the user:notification stream). */
export function streamUserNotifications(this: MastodonClient, listener?: StreamListener | null, options: StreamOptions = {}): StreamHandle {
  return openStream(this, { stream: "user:notification" }, listenerOf(listener), options);
}

export interface PublicStreamOptions extends StreamOptions {
  local?: boolean;
  remote?: boolean;
  only_media?: boolean;
}

/** The federated timeline, or only local or only remote statuses. */
export function streamPublic(this: MastodonClient, listener?: StreamListener | null, options: PublicStreamOptions = {}): StreamHandle {
  if (options.local && options.remote) throw new MastodonIllegalArgumentError("local and remote cannot both be true");
  const scope = options.local ? ":local" : options.remote ? ":remote" : "";
  return openStream(this, { stream: `public${scope}${options.only_media ? ":media" : ""}` }, listenerOf(listener), options);
}

/** The local timeline (Mastodon.py's stream_local; the same as streamPublic with local). */
export function streamLocal(this: MastodonClient, listener?: StreamListener | null, options: StreamOptions & { only_media?: boolean } = {}): StreamHandle {
  return streamPublic.call(this, listener, { ...options, local: true });
}

/** A hashtag's statuses; give the tag without "#". */
export function streamHashtag(this: MastodonClient, tag: string, listener?: StreamListener | null, options: StreamOptions & { local?: boolean } = {}): StreamHandle {
  if (typeof tag !== "string" || tag === "" || tag.startsWith("#")) throw new MastodonIllegalArgumentError("tag must be a hashtag name without \"#\"");
  return openStream(this, { stream: options.local ? "hashtag:local" : "hashtag", tag }, listenerOf(listener), options);
}

/** The statuses of one of the user's lists. */
export function streamList(this: MastodonClient, id: IdLike, listener?: StreamListener | null, options: StreamOptions = {}): StreamHandle {
  return openStream(this, { stream: "list", list: idOf(id) }, listenerOf(listener), options);
}

/** Direct conversations. */
export function streamDirect(this: MastodonClient, listener?: StreamListener | null, options: StreamOptions = {}): StreamHandle {
  return openStream(this, { stream: "direct" }, listenerOf(listener), options);
}

/** Whether the streaming server answers its health check. */
export async function streamHealthy(this: MastodonClient): Promise<boolean> {
  return streamingHealthy(this);
}

/** Mastodon.py 1.1's names. */
export const userStream = streamUser;
export const publicStream = streamPublic;
export const hashtagStream = streamHashtag;
