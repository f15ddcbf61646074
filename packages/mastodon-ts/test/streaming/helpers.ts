/** Small helpers for streaming tests: waiting for a condition without fixed sleeps, and one update through a stream. */
import { CallbackStreamListener, type Mastodon, type Status } from "../../src/index.ts";
import type { StreamServer } from "../support/stream-server.ts";

export async function waitFor(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Opens `m`'s user stream (no catch-up), has `server` publish one status on it, and resolves to
 * that status as the listener got it, once the stream has closed again.
 */
export async function receiveOneUpdate(m: Mastodon, server: StreamServer): Promise<Status> {
  const updates: Status[] = [];
  const handle = m.streamUser(new CallbackStreamListener({ update_handler: (status) => updates.push(status) }), { catch_up: false });
  try {
    await waitFor(() => server.listeners("user") === 1, "the stream to open");
    server.post("user");
    await waitFor(() => updates.length === 1, "the update");
  } finally {
    handle.close();
    await waitFor(() => server.listeners("user") === 0, "the stream to close");
  }
  return updates[0] as Status;
}
