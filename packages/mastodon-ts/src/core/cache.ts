/** Lookups a client makes once (the streaming URL, the logged-in account, the server's version). */
import type { MastodonClient } from "./client.js";

/** Memoises `load()` under `key` in the client's cache; a failure is not remembered. */
export function cached<T>(client: MastodonClient, key: string, load: () => Promise<T>): Promise<T> {
  let entry = client.cache.get(key) as Promise<T> | undefined;
  if (!entry) {
    entry = load();
    client.cache.set(key, entry);
    entry.catch(() => client.cache.delete(key));
  }
  return entry;
}
