/**
 * Admin: the dashboard's statistics (measures, dimensions, retention).
 * https://docs.joinmastodon.org/methods/admin/measures/ , .../admin/dimensions/ , .../admin/retention/
 */
import { toJson } from "../../core/encode.js";
import type { MastodonClient } from "../../core/client.js";
import { MastodonIllegalArgumentError } from "../../core/errors.js";
import { idOf, type IdLike } from "../../core/ids.js";
import type { NonPaginatedList } from "../../core/types.js";
import { bareDomain, statsTime } from "../../internal/admin-params.js";
import { checkOneOf } from "../../internal/params.js";
import type { AdminDimension, AdminMeasure, AdminRetention, Tag } from "../../entities/index.js";

/** A tag for the per-tag statistics: its id, or the Tag entity (which carries an id from Mastodon 3.5). */
type TagRef = IdLike | Tag;

export interface AdminMeasuresOptions {
  /** Active users in the period. */
  active_users?: boolean;
  /** Sign-ups in the period. */
  new_users?: boolean;
  /** Favourites, boosts and replies on local statuses. */
  interactions?: boolean;
  opened_reports?: boolean;
  resolved_reports?: boolean;
  /** Accounts that used this tag. */
  tag_accounts?: TagRef | null;
  /** Statuses that used this tag. */
  tag_uses?: TagRef | null;
  /** Servers whose statuses used this tag. */
  tag_servers?: TagRef | null;
  /** Accounts discovered from this domain. */
  instance_accounts?: string | null;
  /** Space used by media from this domain. */
  instance_media_attachments?: string | null;
  /** Reports filed against accounts of this domain. */
  instance_reports?: string | null;
  /** Statuses from this domain. */
  instance_statuses?: string | null;
  /** Follows of accounts of this domain by local accounts. */
  instance_follows?: string | null;
  /** Follows of local accounts by accounts of this domain. */
  instance_followers?: string | null;
}

/**
 * The requested keys and their per-key parameters, in Mastodon.py's order: flags first, then
 * tag keys ({ id }), then domain keys ({ domain }, with scheme and path stripped).
 */
function keyedParams<O extends object>(options: O, flags: readonly (keyof O & string)[], tags: readonly (keyof O & string)[], domains: readonly (keyof O & string)[], what: string): Record<string, unknown> {
  const read = (key: keyof O & string): unknown => options[key];
  const keys: string[] = flags.filter((key) => read(key) === true);
  const params: Record<string, unknown> = {};
  for (const key of tags) {
    const tag = read(key);
    if (tag === undefined || tag === null) continue;
    keys.push(key);
    params[key] = { id: tagId(key, tag) };
  }
  for (const key of domains) {
    const domain = read(key);
    if (domain === undefined || domain === null) continue;
    if (typeof domain !== "string" || bareDomain(domain) === "") throw new MastodonIllegalArgumentError(`${key} must be a domain`);
    keys.push(key);
    params[key] = { domain: bareDomain(domain) };
  }
  if (keys.length === 0) throw new MastodonIllegalArgumentError(`request at least one ${what}`);
  return { ...params, keys };
}

/** A tag id from an id or a Tag (whose `id` is optional in its type). */
function tagId(key: string, value: unknown): string {
  if (typeof value === "string" || typeof value === "number" || typeof value === "bigint") return idOf(value, key);
  if (typeof value === "object" && value !== null && "id" in value && (typeof value.id === "string" || typeof value.id === "number")) {
    return idOf(value.id, key);
  }
  throw new MastodonIllegalArgumentError(`${key} must be a tag id or a Tag with an id`);
}

/**
 * Numbers for each day between `start_at` and `end_at`: activity, sign-ups, reports, tag use,
 * and traffic with a given server. Ask for at least one measure. Expensive for the server.
 */
export async function adminMeasures(this: MastodonClient, start_at: Date | string, end_at: Date | string, options: AdminMeasuresOptions = {}): Promise<NonPaginatedList<AdminMeasure>> {
  const params = keyedParams(
    options,
    ["active_users", "new_users", "interactions", "opened_reports", "resolved_reports"],
    ["tag_accounts", "tag_uses", "tag_servers"],
    ["instance_accounts", "instance_media_attachments", "instance_reports", "instance_statuses", "instance_follows", "instance_followers"],
    "measure",
  );
  return this.request({
    method: "POST",
    path: "/api/v1/admin/measures",
    // JSON, as Mastodon.py sends it: the per-key parameters are nested objects.
    body: toJson({ ...params, start_at: statsTime("start_at", start_at), end_at: statsTime("end_at", end_at) }),
    version: ["3.5.0", "3.5.0"],
  });
}

export interface AdminDimensionsOptions {
  /** How many entries at most, for the dimensions that are top lists. */
  limit?: number | null;
  /** The most used languages. */
  languages?: boolean;
  /** The most used apps. */
  sources?: boolean;
  /** The servers with the most statuses. */
  servers?: boolean;
  /** Space used by the database, Redis and media. */
  space_usage?: boolean;
  /** Versions of Mastodon, Ruby, PostgreSQL, Redis ... */
  software_versions?: boolean;
  /** The servers posting with this tag. */
  tag_servers?: TagRef | null;
  /** The languages posted with this tag. */
  tag_languages?: TagRef | null;
  /** The most followed accounts of this domain. */
  instance_accounts?: string | null;
  /** The most used languages on this domain. */
  instance_languages?: string | null;
}

/**
 * Breakdowns of the server's data between `start_at` and `end_at` (languages, apps, servers,
 * space, software versions, per tag or per domain). Ask for at least one dimension.
 */
export async function adminDimensions(this: MastodonClient, start_at: Date | string, end_at: Date | string, options: AdminDimensionsOptions = {}): Promise<NonPaginatedList<AdminDimension>> {
  const params = keyedParams(
    options,
    ["languages", "sources", "servers", "space_usage", "software_versions"],
    ["tag_servers", "tag_languages"],
    ["instance_accounts", "instance_languages"],
    "dimension",
  );
  if (options.limit !== undefined && options.limit !== null && !(Number.isInteger(options.limit) && options.limit > 0)) {
    throw new MastodonIllegalArgumentError(`limit must be a positive integer; got ${String(options.limit)}`);
  }
  return this.request({
    method: "POST",
    path: "/api/v1/admin/dimensions",
    body: toJson({ ...params, limit: options.limit ?? undefined, start_at: statsTime("start_at", start_at), end_at: statsTime("end_at", end_at) }),
    version: ["3.5.0", "3.5.0"],
  });
}

/** How many users who signed up in each day (or month) between `start_at` and `end_at` stayed active. */
export async function adminRetention(this: MastodonClient, start_at: Date | string, end_at: Date | string, options: { frequency?: "day" | "month" | (string & {}) | null } = {}): Promise<NonPaginatedList<AdminRetention>> {
  const frequency = options.frequency ?? "day";
  checkOneOf("frequency", frequency, ["day", "month"]);
  return this.request({
    method: "POST",
    path: "/api/v1/admin/retention",
    params: { start_at: statsTime("start_at", start_at), end_at: statsTime("end_at", end_at), frequency },
    version: ["3.5.0", "3.5.0"],
  });
}
