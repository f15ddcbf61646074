// Date formats used in Mastodon's JSON (docs: api/datetime-format.md).

/** 2026-08-01T13:53:15.378Z */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** Accounts show their creation day at midnight since Mastodon 3.4. */
export function midnight(ms: number): string {
  return `${isoDate(ms)}T00:00:00.000Z`;
}

/** 2026-08-01 */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Accepts what Rails' Time.parse does well enough: ISO 8601 dates and date-times. */
export function parseTime(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === "") return undefined;
  const value = Date.parse(text);
  return Number.isNaN(value) ? undefined : value;
}
