/**
 * Date fields of responses become `Date` objects, in place, right after JSON parsing.
 * The field names are those that hold dates in any Mastodon entity (../shared/spec/entities.json):
 * ISO 8601 date-times, date-only strings (UTC midnight), and the UNIX-time strings of
 * tag history (`day`) and instance activity (`week`). A value that does not parse becomes null.
 */

const DATE_FIELDS = new Set([
  "action_taken_at", "created_at", "date", "day", "edited_at", "effective_date", "ends_at",
  "expires_at", "last_status_at", "latest_page_notification_at", "mute_expires_at",
  "muting_expires_at", "period", "published_at", "scheduled_at", "starts_at", "succeeded_by",
  "updated_at", "week", "last_read_at", "emails_sent_at", "confirmed_at", "suspended_at",
]);

/**
 * Fields that never hold a date at any depth (custom emojis, mentions, media attachments with
 * their metadata, profile fields, applications): the walk skips them, which saves about a third
 * of it on a page of statuses. A test checks this list against the entity spec.
 */
export const DATELESS_FIELDS = new Set(["emojis", "mentions", "media_attachments", "fields", "meta", "application", "roles"]);

const UNIX_TIME = /^\d+(\.\d+)?$/;

/** "2026-08-01..." without a regular expression: this runs for every date field of every answer. */
function looksIso(value: string): boolean {
  return value.length >= 10 && value.charCodeAt(4) === 45 /* - */ && value.charCodeAt(7) === 45;
}

/** Parses one wire date value; returns null when it is not a date. */
export function parseDate(value: unknown): Date | null {
  let date: Date;
  if (typeof value === "number") date = new Date(value * 1000);
  else if (typeof value !== "string") return null;
  else if (looksIso(value)) date = new Date(value);
  else if (UNIX_TIME.test(value)) date = new Date(Number(value) * 1000);
  else return null;
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Walks a parsed JSON value and converts every date field in place. Returns the same value. */
export function reviveDates<T>(value: T): T {
  if (value !== null && typeof value === "object") walk(value);
  return value;
}

// Hot path: one pass over every key of every answer, so no closures, no regular expressions,
// and the Set lookup only for strings (and numbers).
function walk(value: object): void {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (item !== null && typeof item === "object") walk(item);
    }
    return;
  }
  const record = value as Record<string, unknown>;
  for (const key in record) {
    const field = record[key];
    // Strings first: they are most values, and the only form Mastodon sends dates in.
    if (typeof field === "string") {
      if (DATE_FIELDS.has(key)) record[key] = parseDate(field);
    } else if (typeof field === "object") {
      if (field !== null && !DATELESS_FIELDS.has(key)) walk(field);
    } else if (typeof field === "number" && DATE_FIELDS.has(key)) {
      record[key] = parseDate(field);
    }
  }
}
