interface Waiter {
  check: () => boolean;
  resolve: () => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

/** Promises that settle when a condition on some growing log becomes true; call notify() after each change. */
export class Waiters {
  private readonly pending = new Set<Waiter>();

  /** `who` names the fake in timeout messages (FakeDiscord, FakeSlack). */
  constructor(private readonly who: string) {}

  waitFor(check: () => boolean, timeoutMs: number, describe: () => string): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        check,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.pending.delete(waiter);
          reject(new Error(`${this.who}: timed out after ${timeoutMs} ms waiting for ${describe()}`));
        }, timeoutMs),
      };
      this.pending.add(waiter);
    });
  }

  notify(): void {
    for (const waiter of [...this.pending]) {
      if (!waiter.check()) continue;
      clearTimeout(waiter.timer);
      this.pending.delete(waiter);
      waiter.resolve();
    }
  }

  rejectAll(reason: string): void {
    for (const waiter of this.pending) {
      clearTimeout(waiter.timer);
      waiter.reject(new Error(reason));
    }
    this.pending.clear();
  }
}
