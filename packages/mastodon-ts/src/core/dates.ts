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

const ISO_PREFIX = /^\d{4}-\d\d-\d\d/;
const UNIX_TIME = /^\d+(\.\d+)?$/;

/** Parses one wire date value; returns null when it is not a date. */
export function parseDate(value: unknown): Date | null {
  let time: number;
  if (typeof value === "number") time = value * 1000;
  else if (typeof value !== "string") return null;
  else if (ISO_PREFIX.test(value)) time = Date.parse(value);
  else if (UNIX_TIME.test(value)) time = Number(value) * 1000;
  else return null;
  return Number.isNaN(time) ? null : new Date(time);
}

/** Walks a parsed JSON value and converts every date field in place. Returns the same value. */
export function reviveDates<T>(value: T): T {
  walk(value);
  return value;
}

function walk(value: unknown): void {
  if (Array.isArray(value)) {
    for (const item of value) if (item !== null && typeof item === "object") walk(item);
    return;
  }
  if (value === null || typeof value !== "object") return;
  const record = value as Record<string, unknown>;
  for (const key in record) {
    const field = record[key];
    if (field === null) continue;
    if (typeof field === "object") walk(field);
    else if (DATE_FIELDS.has(key)) record[key] = parseDate(field);
  }
}
