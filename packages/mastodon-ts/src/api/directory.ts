/** The profile directory. https://docs.joinmastodon.org/methods/directory/ */
import type { MastodonClient } from "../core/client.js";
import type { NonPaginatedList } from "../core/types.js";
import { checkOneOf } from "../internal/params.js";
import type { Account } from "../entities/index.js";

export interface DirectoryOptions {
  /** How many accounts to skip. */
  offset?: number | null;
  /** How many accounts to return (server default 40, at most 80). */
  limit?: number | null;
  /** "active": most recently posting first (the default); "new": newest accounts first. */
  order?: "active" | "new" | (string & {}) | null;
  /** Only accounts of this server. */
  local?: boolean | null;
}

/** The accounts listed in the server's profile directory. */
export async function directory(this: MastodonClient, options: DirectoryOptions = {}): Promise<NonPaginatedList<Account>> {
  checkOneOf("order", options.order, ["active", "new"]);
  return this.request({
    method: "GET", path: "/api/v1/directory",
    params: { offset: options.offset ?? undefined, limit: options.limit ?? undefined, order: options.order ?? undefined, local: options.local ?? undefined },
    version: ["3.0.0", "3.0.0"],
  });
}
