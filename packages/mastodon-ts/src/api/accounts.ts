/** Accounts: reading them, and acting on them. https://docs.joinmastodon.org/methods/accounts/ */
import { withFiles } from "../core/encode.js";
import type { MastodonClient } from "../core/client.js";
import { MastodonIllegalArgumentError } from "../core/errors.js";
import { idsOf, type IdLike } from "../core/ids.js";
import { loadMedia, type MediaInput } from "../core/media.js";
import { path } from "../core/path.js";
import type { NonPaginatedList, PaginatedList } from "../core/types.js";
import { checkOneOf, pagingParams, unlessDefault, type PagingOptions } from "../internal/params.js";
import type { Account, CredentialAccount, FamiliarFollowers, FeaturedTag, IdentityProof, Relationship, Status, UserList } from "../entities/index.js";

export async function account(this: MastodonClient, id: IdLike): Promise<Account> {
  return this.request({ method: "GET", path: path`/api/v1/accounts/${id}`, version: ["1.0.0", "1.0.0"] });
}

/** The logged-in user's own account, with its `source`. */
export async function accountVerifyCredentials(this: MastodonClient): Promise<CredentialAccount> {
  return this.request({ method: "GET", path: "/api/v1/accounts/verify_credentials", version: ["1.0.0", "2.1.0"] });
}

/** A non-empty list of ids (one id counts as a list of one). */
function someIds(value: IdLike | IdLike[], argument: string): string[] {
  const ids = idsOf(value, argument);
  if (ids.length === 0) throw new MastodonIllegalArgumentError(`${argument} must name at least one account`);
  return ids;
}

/** Several accounts at once, by id (Mastodon 4.3+). */
export async function accounts(this: MastodonClient, ids: IdLike | IdLike[]): Promise<NonPaginatedList<Account>> {
  return this.request({ method: "GET", path: "/api/v1/accounts", params: { id: someIds(ids, "ids") }, version: ["4.3.0", "4.3.0"] });
}

/** The logged-in user's own account: another name for accountVerifyCredentials. */
export async function me(this: MastodonClient): Promise<CredentialAccount> {
  return accountVerifyCredentials.call(this);
}

/** Finds an account by its address (user or user@domain) without a search. */
export async function accountLookup(this: MastodonClient, acct: string): Promise<Account> {
  if (typeof acct !== "string" || acct.trim() === "") throw new MastodonIllegalArgumentError("acct must be a non-empty account address");
  return this.request({ method: "GET", path: "/api/v1/accounts/lookup", params: { acct }, version: ["3.4.0", "3.4.0"] });
}

/** The logged-in user's lists that contain this account. */
export async function accountLists(this: MastodonClient, id: IdLike): Promise<NonPaginatedList<UserList>> {
  return this.request({ method: "GET", path: path`/api/v1/accounts/${id}/lists`, version: ["2.1.0", "2.1.0"] });
}

/** For one or more accounts, the accounts the logged-in user follows that also follow them. */
export async function accountFamiliarFollowers(this: MastodonClient, id: IdLike | IdLike[]): Promise<NonPaginatedList<FamiliarFollowers>> {
  // Always a list (id[]), even for one account, as Mastodon.py sends it.
  return this.request({ method: "GET", path: "/api/v1/accounts/familiar_followers", params: { id: someIds(id, "id") }, version: ["3.5.0", "3.5.0"] });
}

/** The hashtags an account features on its profile. */
export async function accountFeaturedTags(this: MastodonClient, id: IdLike): Promise<NonPaginatedList<FeaturedTag>> {
  return this.request({ method: "GET", path: path`/api/v1/accounts/${id}/featured_tags`, version: ["3.3.0", "3.3.0"] });
}

/** Identity proofs of an account (deprecated: servers since 3.5 return an empty list). */
export async function accountIdentityProofs(this: MastodonClient, id: IdLike): Promise<NonPaginatedList<IdentityProof>> {
  return this.request({ method: "GET", path: path`/api/v1/accounts/${id}/identity_proofs`, version: ["2.8.0", "2.8.0"] });
}

export interface AccountStatusesOptions extends PagingOptions {
  only_media?: boolean;
  pinned?: boolean;
  exclude_replies?: boolean;
  exclude_reblogs?: boolean;
  tagged?: string | null;
}

export async function accountStatuses(this: MastodonClient, id: IdLike, options: AccountStatusesOptions = {}): Promise<PaginatedList<Status>> {
  return this.request({
    method: "GET",
    path: path`/api/v1/accounts/${id}/statuses`,
    params: {
      ...pagingParams(options),
      only_media: unlessDefault(options.only_media, false),
      pinned: unlessDefault(options.pinned, false),
      exclude_replies: unlessDefault(options.exclude_replies, false),
      exclude_reblogs: unlessDefault(options.exclude_reblogs, false),
      tagged: options.tagged,
    },
    version: ["1.0.0", "2.8.0"],
  });
}

export async function accountFollowing(this: MastodonClient, id: IdLike, options: PagingOptions = {}): Promise<PaginatedList<Account>> {
  return this.request({ method: "GET", path: path`/api/v1/accounts/${id}/following`, params: pagingParams(options), version: ["1.0.0", "2.6.0"] });
}

export async function accountFollowers(this: MastodonClient, id: IdLike, options: PagingOptions = {}): Promise<PaginatedList<Account>> {
  return this.request({ method: "GET", path: path`/api/v1/accounts/${id}/followers`, params: pagingParams(options), version: ["1.0.0", "2.6.0"] });
}

/** One id goes as `id`, several as `id[]`, as Mastodon.py sends them. */
function idParam(ids: string[]): { id: string | string[] } {
  return { id: ids.length === 1 ? (ids[0] as string) : ids };
}

/** Relationships of the logged-in user with one or more accounts. */
export async function accountRelationships(this: MastodonClient, id: IdLike | IdLike[], options: { with_suspended?: boolean | null } = {}): Promise<NonPaginatedList<Relationship>> {
  return this.request({
    method: "GET", path: "/api/v1/accounts/relationships",
    params: { ...idParam(idsOf(id)), with_suspended: options.with_suspended ?? undefined }, version: ["1.0.0", "1.4.0"],
  });
}

export interface AccountSearchOptions {
  limit?: number | null;
  following?: boolean;
  resolve?: boolean;
  offset?: number | null;
}

export async function accountSearch(this: MastodonClient, q: string, options: AccountSearchOptions = {}): Promise<NonPaginatedList<Account>> {
  return this.request({
    method: "GET", path: "/api/v1/accounts/search",
    params: { q, limit: options.limit ?? undefined, following: unlessDefault(options.following, false), resolve: unlessDefault(options.resolve, false), offset: options.offset ?? undefined },
    version: ["1.0.0", "2.8.0"],
  });
}

/** Follows a (possibly remote) account by its address, user@domain. */
export async function follows(this: MastodonClient, uri: string): Promise<Relationship> {
  const found = await accountSearch.call(this, uri, { resolve: true, limit: 1 });
  const target = found[0];
  if (!target) throw new MastodonIllegalArgumentError(`follows: no account found for ${JSON.stringify(uri)}`);
  return accountFollow.call(this, target);
}

export async function accountFollow(this: MastodonClient, id: IdLike, options: { reblogs?: boolean; notify?: boolean; languages?: string[] | null } = {}): Promise<Relationship> {
  return this.request({
    method: "POST", path: path`/api/v1/accounts/${id}/follow`,
    params: { reblogs: options.reblogs ?? true, notify: options.notify ?? false, languages: options.languages ?? undefined },
    version: ["1.0.0", "3.3.0"],
  });
}

export async function accountUnfollow(this: MastodonClient, id: IdLike): Promise<Relationship> {
  return this.request({ method: "POST", path: path`/api/v1/accounts/${id}/unfollow`, version: ["1.0.0", "1.4.0"] });
}

/** Makes an account stop following the logged-in user. */
export async function accountRemoveFromFollowers(this: MastodonClient, id: IdLike): Promise<Relationship> {
  return this.request({ method: "POST", path: path`/api/v1/accounts/${id}/remove_from_followers`, version: ["3.5.0", "3.5.0"] });
}

/** Sets the logged-in user's private note on an account (an empty comment removes it). */
export async function accountNoteSet(this: MastodonClient, id: IdLike, comment: string): Promise<Relationship> {
  if (typeof comment !== "string") throw new MastodonIllegalArgumentError("comment must be a string");
  return this.request({ method: "POST", path: path`/api/v1/accounts/${id}/note`, params: { comment }, version: ["3.2.0", "3.2.0"] });
}

export async function accountBlock(this: MastodonClient, id: IdLike): Promise<Relationship> {
  return this.request({ method: "POST", path: path`/api/v1/accounts/${id}/block`, version: ["1.0.0", "1.4.0"] });
}

export async function accountUnblock(this: MastodonClient, id: IdLike): Promise<Relationship> {
  return this.request({ method: "POST", path: path`/api/v1/accounts/${id}/unblock`, version: ["1.0.0", "1.4.0"] });
}

/** Mutes an account; `duration` in seconds (0 or none: forever). */
export async function accountMute(this: MastodonClient, id: IdLike, options: { notifications?: boolean; duration?: number | null } = {}): Promise<Relationship> {
  return this.request({
    method: "POST", path: path`/api/v1/accounts/${id}/mute`,
    // Mastodon.py always sends `notifications` (default true).
    params: { notifications: options.notifications ?? true, duration: options.duration ?? undefined },
    version: ["1.1.0", "2.4.3"],
  });
}

export async function accountUnmute(this: MastodonClient, id: IdLike): Promise<Relationship> {
  return this.request({ method: "POST", path: path`/api/v1/accounts/${id}/unmute`, version: ["1.1.0", "1.4.0"] });
}

export interface AccountUpdateCredentialsOptions {
  display_name?: string | null;
  note?: string | null;
  avatar?: MediaInput | null;
  avatar_mime_type?: string | null;
  header?: MediaInput | null;
  header_mime_type?: string | null;
  locked?: boolean | null;
  bot?: boolean | null;
  discoverable?: boolean | null;
  /** [name, value] pairs for the profile's metadata table (servers allow 4 by default). */
  fields?: Array<[string, string]> | null;
  hide_collections?: boolean | null;
  indexable?: boolean | null;
  attribution_domains?: string[] | null;
  default_privacy?: string | null;
  default_sensitive?: boolean | null;
  default_language?: string | null;
  default_quote_policy?: string | null;
}

/** Updates the logged-in user's profile. Profile images may be paths, bytes or Blobs. */
export async function accountUpdateCredentials(this: MastodonClient, options: AccountUpdateCredentialsOptions = {}): Promise<CredentialAccount> {
  checkOneOf("default_privacy", options.default_privacy, ["public", "unlisted", "private"]);
  // No client-side cap on the number of fields: servers set their own (max_profile_fields).
  const fields = options.fields ?? undefined;
  const avatar = options.avatar ? await loadMedia(options.avatar, options.avatar_mime_type ?? undefined, undefined, "avatar") : undefined;
  const header = options.header ? await loadMedia(options.header, options.header_mime_type ?? undefined, undefined, "header") : undefined;
  return this.request({
    method: "PATCH",
    path: "/api/v1/accounts/update_credentials",
    ...withFiles({
      display_name: options.display_name,
      note: options.note,
      locked: options.locked,
      bot: options.bot,
      discoverable: options.discoverable,
      hide_collections: options.hide_collections,
      indexable: options.indexable,
      attribution_domains: options.attribution_domains,
      fields_attributes: fields?.map(([name, value]) => ({ name, value })),
      source: {
        privacy: options.default_privacy,
        sensitive: options.default_sensitive,
        language: options.default_language,
        quote_policy: options.default_quote_policy,
      },
    }, { avatar, header }),
    version: ["1.1.1", "4.2.0"],
  });
}
