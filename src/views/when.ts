import { DateTime } from 'luxon';

/** "on Tuesday 24 November at 20:00 (Europe/London)" — always in the person's own zone. */
export const formatInstant = (at: number, zone: string): string =>
  `on ${DateTime.fromMillis(at, { zone }).toFormat('cccc d LLLL')} at ${DateTime.fromMillis(at, { zone }).toFormat('HH:mm')} (${zone})`;

/** "Tue 24 Nov" for a local date. */
export const formatDate = (date: string): string =>
  DateTime.fromISO(date, { zone: 'UTC' }).toFormat('ccc d LLL');

export const formatDateLong = (date: string): string =>
  DateTime.fromISO(date, { zone: 'UTC' }).toFormat('cccc d LLLL yyyy');
