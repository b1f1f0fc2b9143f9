import { z } from 'zod';

/** The building blocks of the env schema: a blank value (as .env.example leaves them) counts as unset. */
export const blankIsUnset = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
export const optionalString = z.preprocess(blankIsUnset, z.string().trim().optional());
export const int = (def: number, min: number, max: number, what: string) =>
  z.preprocess(
    blankIsUnset,
    z.coerce
      .number({ error: `expects ${what}, a whole number from ${min} to ${max}` })
      .int({ error: `expects ${what}, a whole number from ${min} to ${max}` })
      .min(min, { error: `expects ${what}, a whole number from ${min} to ${max}` })
      .max(max, { error: `expects ${what}, a whole number from ${min} to ${max}` })
      .default(def),
  );

export const boolFlag = (def: 'true' | 'false') =>
  z.preprocess(
    blankIsUnset,
    z
      .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'expects true or false' })
      .default(def)
      .transform((v) => v === 'true' || v === '1' || v === 'yes'),
  );
