import cron from 'node-cron';
import type { Logger } from '../ports/logger.js';

/**
 * The embedded scheduler: a node-cron tick at the top of every minute. A tick that is still running when the
 * next one comes is not started twice; the slow one's work covers both, because the planner takes everything
 * due up to its `now`.
 */
export function startMinuteTicker(onTick: () => Promise<void>, log: Logger): { stop(): void } {
  let running = false;
  const task = cron.schedule('* * * * *', async () => {
    if (running) return;
    running = true;
    try {
      await onTick();
    } catch (err) {
      log.error({ err }, 'planner tick failed');
    } finally {
      running = false;
    }
  });
  return {
    stop: () => {
      task.stop();
    },
  };
}
