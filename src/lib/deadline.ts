export const LATE = Symbol('late');

/**
 * Chat platforms want a first answer within 3 s. Race the work against `ms`: its result if it finishes in time,
 * LATE otherwise (the work goes on; the caller acknowledges now and answers when it is done).
 */
export async function withDeadline<T>(p: Promise<T>, ms: number): Promise<T | typeof LATE> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<typeof LATE>((resolve) => {
    timer = setTimeout(() => resolve(LATE), ms);
  });
  try {
    return await Promise.race([p, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Work that may take longer than the first answer may wait for (Discord and Slack both allow 3 s). */
export const DEFER_AFTER_MS = 2_000;

/** The promise's outcome, or a rejection with `message` after `ms` (for a call that may never answer). */
export function rejectAfter<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(message)), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(t);
        reject(e);
      },
    );
  });
}

/**
 * A signal's shutdown: `close` (finish the deliveries in flight), but leave after `ms` whatever happens, so an
 * unreachable Redis cannot keep a process from stopping. True when the close was clean (exit 0).
 */
export async function closeWithin(
  close: () => Promise<void>,
  ms: number,
  log: { warn(o: object, m: string): void; error(o: object, m: string): void },
  tooLong: string,
): Promise<boolean> {
  try {
    if ((await withDeadline(close(), ms)) !== LATE) return true;
    log.warn({ afterMs: ms }, tooLong);
  } catch (err) {
    log.error({ err }, 'shutdown was not clean');
  }
  return false;
}
