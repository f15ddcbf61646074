// Every timer the sandbox starts goes through here, so close() can cancel all of them and a
// test run never hangs on a forgotten scheduled status or poll expiry.

export class Timers {
  private readonly handles = new Set<NodeJS.Timeout>();

  after(ms: number, run: () => void): () => void {
    const handle = setTimeout(() => {
      this.handles.delete(handle);
      run();
    }, Math.max(0, Math.min(ms, 2_147_483_647)));
    handle.unref();
    this.handles.add(handle);
    return () => {
      clearTimeout(handle);
      this.handles.delete(handle);
    };
  }

  every(ms: number, run: () => void): () => void {
    const handle = setInterval(run, ms);
    handle.unref();
    this.handles.add(handle);
    return () => {
      clearInterval(handle);
      this.handles.delete(handle);
    };
  }

  clearAll(): void {
    for (const handle of this.handles) clearTimeout(handle);
    this.handles.clear();
  }
}
