/** The async-iterable side of a stream: events queue here only once someone iterates. */
import type { StreamEvent } from "./events.js";

export class EventQueue implements AsyncIterable<StreamEvent> {
  private readonly items: StreamEvent[] = [];
  private waiter: ((result: IteratorResult<StreamEvent>) => void) | null = null;
  private active = false;
  private ended = false;

  push(event: StreamEvent): void {
    if (!this.active || this.ended) return;
    if (this.waiter) {
      const resolve = this.waiter;
      this.waiter = null;
      resolve({ value: event, done: false });
    } else {
      this.items.push(event);
    }
  }

  end(): void {
    this.ended = true;
    const resolve = this.waiter;
    this.waiter = null;
    resolve?.({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterator<StreamEvent> {
    this.active = true;
    return {
      next: () => {
        const item = this.items.shift();
        if (item) return Promise.resolve({ value: item, done: false });
        if (this.ended) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => {
          this.waiter = resolve;
        });
      },
      return: () => {
        this.active = false;
        this.items.length = 0;
        return Promise.resolve({ value: undefined, done: true });
      },
    };
  }
}
