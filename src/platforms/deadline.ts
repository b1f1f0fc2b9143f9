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
