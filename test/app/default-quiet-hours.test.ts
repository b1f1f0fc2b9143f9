/** Issue 11, task 3: the default quiet hours are a clinic setting (principle 4), validated with the rest. */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';

describe('DEFAULT_QUIET_HOURS', () => {
  it('is 22:00-07:00 unless the clinic sets it; "off" means none; anything else is refused by name', () => {
    expect(parseConfig({}).defaultQuietHours).toEqual({ start: '22:00', end: '07:00' });
    expect(parseConfig({ DEFAULT_QUIET_HOURS: '21:30-06:30' }).defaultQuietHours).toEqual({
      start: '21:30',
      end: '06:30',
    });
    expect(parseConfig({ DEFAULT_QUIET_HOURS: 'off' }).defaultQuietHours).toBeNull();
    expect(() => parseConfig({ DEFAULT_QUIET_HOURS: '22:00' })).toThrow(
      /DEFAULT_QUIET_HOURS expects quiet hours/,
    );
  });
});
