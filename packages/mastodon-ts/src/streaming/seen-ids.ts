/**
 * What a stream has delivered, per source (statuses, notifications), to resume and to drop
 * duplicates after a reconnect. A catch-up fetches only ids newer than the newest delivered, so
 * it can never repeat an earlier live event; duplicates can only arise between the catch-up and
 * the live events held while it ran. So ids are remembered only during a catch-up, and the
 * steady state costs one comparison per event.
 */

/** Orders snowflake ids (decimal strings, no leading zeros) and fixed-width ids: by length, then text. */
export function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

export class SeenIds {
  /** The newest id delivered: where a catch-up resumes. */
  newest: string | null = null;
  /** Ids delivered since the current catch-up began; null outside a catch-up. */
  private window: Set<string> | null = null;

  /** Moves the resume point forward without delivering anything (the start of a stream). */
  advance(id: string): void {
    if (this.newest === null || compareIds(id, this.newest) > 0) this.newest = id;
  }

  /** A catch-up begins: remember what it delivers until `endCatchUp`. */
  beginCatchUp(): void {
    this.window = new Set();
  }

  endCatchUp(): void {
    this.window = null;
  }

  /** Records an id; false when it was already delivered during this catch-up. */
  add(id: string): boolean {
    if (this.window) {
      if (this.window.has(id)) return false;
      this.window.add(id);
    }
    this.advance(id);
    return true;
  }
}
