/** Ids: accepted as strings, numbers, entities that carry an `id`, or (for paging) a `Date`. */
import { MastodonIllegalArgumentError } from "./errors.js";

/** Anything that names an entity: its id, or the entity itself. */
export type IdLike = string | number | bigint | { readonly id: string | number };

/** Like IdLike, but a Date is allowed too (for max_id / min_id / since_id). */
export type PageIdLike = IdLike | Date;

/** Returns the id string of an id or an entity, or throws naming the argument. */
export function idOf(value: IdLike, argument = "id"): string {
  if (typeof value === "string") {
    if (value === "") throw new MastodonIllegalArgumentError(`${argument} must not be empty`);
    return value;
  }
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (value !== null && typeof value === "object" && "id" in value && (typeof value.id === "string" || typeof value.id === "number")) {
    return String(value.id);
  }
  throw new MastodonIllegalArgumentError(`${argument} must be an id or an entity with an id, got ${describe(value)}`);
}

/** `idOf`, but undefined / null pass through as "not given". */
export function optionalIdOf(value: IdLike | null | undefined, argument = "id"): string | undefined {
  return value === undefined || value === null ? undefined : idOf(value, argument);
}

/** `idsOf`, but undefined / null pass through as "not given". */
export function optionalIdsOf(value: IdLike | readonly IdLike[] | null | undefined, argument = "id"): string[] | undefined {
  return value === undefined || value === null ? undefined : idsOf(value, argument);
}

/** A list of ids (or one id) as an array of id strings. */
export function idsOf(value: IdLike | readonly IdLike[], argument = "id"): string[] {
  return (Array.isArray(value) ? value : [value]).map((item: IdLike) => idOf(item, argument));
}

/**
 * A `Date` as the smallest snowflake id of that instant, so a date can stand in for a paging id.
 * Mastodon's snowflakes are (milliseconds << 16); Mastodon.py computes (seconds << 16) * 1000,
 * which is the same number for whole seconds. BigInt keeps all 64 bits exact.
 */
export function snowflakeFromDate(date: Date): string {
  const seconds = BigInt(Math.floor(date.getTime() / 1000));
  return ((seconds << 16n) * 1000n).toString();
}

/** A paging id: an id, an entity, or a Date. */
export function pageIdOf(value: PageIdLike | null | undefined, argument: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new MastodonIllegalArgumentError(`${argument} is an invalid Date`);
    return snowflakeFromDate(value);
  }
  return idOf(value, argument);
}

function describe(value: unknown): string {
  if (typeof value !== "object") return `${typeof value} ${String(value)}`;
  return value === null ? "null" : Array.isArray(value) ? "an array" : "an object without an id";
}
