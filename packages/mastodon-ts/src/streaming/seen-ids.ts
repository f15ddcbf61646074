/** Remembers delivered ids per source, to drop duplicates after a reconnect; bounded in size. */

const MAX_REMEMBERED = 10_000;

/** Orders snowflake ids (decimal strings of any length); other ids compare as strings. */
export function compareIds(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b) && a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

export class SeenIds {
  private readonly ids = new Set<string>();
  /** The remembered ids in arrival order, as a ring: the oldest is forgotten first. */
  private readonly ring: Array<string | undefined> = new Array<string | undefined>(MAX_REMEMBERED);
  private next = 0;
  /** The newest id delivered: where a catch-up resumes. */
  newest: string | null = null;

  /** Moves the resume point forward without delivering anything (the start of a stream). */
  advance(id: string): void {
    if (this.newest === null || compareIds(id, this.newest) > 0) this.newest = id;
  }

  /** Records an id; false when it was already delivered. */
  add(id: string): boolean {
    if (this.ids.has(id)) return false;
    const oldest = this.ring[this.next];
    if (oldest !== undefined) this.ids.delete(oldest);
    this.ring[this.next] = id;
    this.next = (this.next + 1) % MAX_REMEMBERED;
    this.ids.add(id);
    if (this.newest === null || compareIds(id, this.newest) > 0) this.newest = id;
    return true;
  }
}
