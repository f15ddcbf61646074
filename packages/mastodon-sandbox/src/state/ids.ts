// Id generators. Mastodon uses two kinds of ids (docs: api/guidelines.md#id):
// - snowflakes for accounts, statuses and media: (milliseconds << 16) | sequence, as decimal strings;
// - plain database sequences ("1", "2", ...) for everything else (lists, notifications, apps...).

/** Snowflake ids that are strictly increasing, even when the clock stands still or goes back. */
export class SnowflakeIds {
  private last = 0n;
  constructor(private readonly now: () => number) {}

  next(): string {
    const candidate = BigInt(Math.floor(this.now())) << 16n;
    this.last = candidate > this.last ? candidate : this.last + 1n;
    return this.last.toString();
  }

  /** The id a timestamp would get, used by clients that page by date (max_id = date). */
  static fromTime(ms: number): string {
    return (BigInt(Math.floor(ms)) << 16n).toString();
  }
}

/** One counter per table, like PostgreSQL sequences. */
export class Sequences {
  private readonly counters = new Map<string, number>();

  next(table: string): string {
    const value = (this.counters.get(table) ?? 0) + 1;
    this.counters.set(table, value);
    return String(value);
  }
}

/** Compares two numeric id strings; non-numeric ids sort as 0. */
export function compareIds(a: string, b: string): number {
  const x = toBigInt(a);
  const y = toBigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function toBigInt(id: string): bigint {
  return /^\d{1,30}$/.test(id) ? BigInt(id) : 0n;
}

export function isNumericId(id: string): boolean {
  return /^\d{1,30}$/.test(id);
}
