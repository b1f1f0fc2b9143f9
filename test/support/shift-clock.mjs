/**
 * Preloaded into every Node process of a test run (`node --import`, through NODE_OPTIONS) to move the wall clock
 * ahead by INTERLUDE_CLOCK_SHIFT_DAYS days (default 400): `Date.now()` and `new Date()` read the shifted time,
 * timers and `performance.now()` are untouched. It proves that no test depends on today's date: a test that plans
 * around a fixed calendar day while something reads the real clock fails here first. See `npm run test:shifted`.
 */
const days = Number(process.env.INTERLUDE_CLOCK_SHIFT_DAYS ?? '400');
if (!Number.isFinite(days)) throw new Error('INTERLUDE_CLOCK_SHIFT_DAYS must be a number of days');
const offset = Math.round(days * 86_400_000);
const RealDate = globalThis.Date;

if (offset !== 0 && !RealDate.__interludeShifted) {
  const shiftedNow = () => RealDate.now() + offset;
  // A function, not a subclass: dates made anywhere (Node's internals, other modules) stay `instanceof Date`.
  function ShiftedDate(...args) {
    if (!new.target) return new RealDate(shiftedNow()).toString();
    return Reflect.construct(RealDate, args.length === 0 ? [shiftedNow()] : args, new.target);
  }
  ShiftedDate.prototype = RealDate.prototype;
  ShiftedDate.now = shiftedNow;
  ShiftedDate.parse = RealDate.parse;
  ShiftedDate.UTC = RealDate.UTC;
  ShiftedDate.__interludeShifted = true;
  globalThis.Date = ShiftedDate;
}
