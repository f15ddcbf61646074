/** Direct-message conversations. https://docs.joinmastodon.org/methods/conversations/ */
import type { MastodonClient } from "../core/client.js";
import type { IdLike } from "../core/ids.js";
import { path } from "../core/path.js";
import type { EmptyResult, PaginatedList } from "../core/types.js";
import { pagingParams, type PagingOptions } from "../internal/params.js";
import type { Conversation } from "../entities/index.js";

/** The logged-in user's direct-message conversations. */
export async function conversations(this: MastodonClient, options: PagingOptions = {}): Promise<PaginatedList<Conversation>> {
  return this.request({ method: "GET", path: "/api/v1/conversations", params: pagingParams(options), version: ["2.6.0", "2.6.0"] });
}

/** Marks a conversation as read. */
export async function conversationsRead(this: MastodonClient, id: IdLike): Promise<Conversation> {
  return this.request({ method: "POST", path: path`/api/v1/conversations/${id}/read`, version: ["2.6.0", "2.6.0"] });
}

/** Removes a conversation from the list (its statuses stay). Not in Mastodon.py. */
export async function conversationsDelete(this: MastodonClient, id: IdLike): Promise<EmptyResult> {
  return this.request({ method: "DELETE", path: path`/api/v1/conversations/${id}`, version: ["2.6.0", "2.6.0"] });
}
