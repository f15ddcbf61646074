/** Parameter helpers shared by the admin API areas (src/api/admin/). */
import { MastodonIllegalArgumentError } from "../core/errors.js";
import { idOf, type IdLike } from "../core/ids.js";

/** Strips a leading http://, https:// or onion:// from a domain, as Mastodon.py does. */
export function deprotocolize(domain: string): string {
  if (domain.startsWith("http://")) return domain.slice(7);
  if (domain.startsWith("https://") || domain.startsWith("onion://")) return domain.slice(8);
  return domain;
}

/** A bare domain: no scheme, and nothing from the first "/" on ("https://x.social/about" → "x.social"). */
export function bareDomain(domain: string): string {
  return deprotocolize(domain).split("/")[0] ?? "";
}

/** Throws unless `value` is a non-empty string (a required text argument). */
export function requireText(argument: string, value: string): string {
  if (typeof value !== "string" || value === "") {
    throw new MastodonIllegalArgumentError(`${argument} must be a non-empty string`);
  }
  return value;
}

/**
 * A point in time for the admin statistics: a Date is sent as Mastodon.py sends it, in UTC to the
 * second (2026-08-01T14:00:00+00:00); a string is sent as given (the server also reads 2026-08-01).
 */
export function statsTime(argument: string, value: Date | string): string {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new MastodonIllegalArgumentError(`${argument} is an invalid Date`);
    return `${value.toISOString().slice(0, 19)}+00:00`;
  }
  return requireText(argument, value);
}

/** Something that may carry an id (a Tag or a trending link: their `id` is optional in the types). */
export interface MaybeIdentified {
  readonly id?: string | number | null;
}

/** The id of an id or an entity whose `id` field is optional; throws when the entity has none. */
export function entityIdOf(value: IdLike | MaybeIdentified, argument = "id"): string {
  if (typeof value === "object" && value !== null) {
    const id = value.id;
    if (typeof id === "string" || typeof id === "number") return idOf(id, argument);
    throw new MastodonIllegalArgumentError(`${argument} must be an id or an entity with an id (this one has none)`);
  }
  return idOf(value, argument);
}
