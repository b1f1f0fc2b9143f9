import type { z } from 'zod';
import { UserError } from '../errors.js';

/** The first problem zod found, as a sentence for the person (our schemas carry kind messages). */
export const firstIssue = (error: z.ZodError): string => {
  const issue = error.issues[0];
  return issue?.message ?? 'Something in that was not quite right.';
};

/** Parse or throw a UserError whose message the person can act on. Nothing is written before this passes. */
export const parseInput = <S extends z.ZodType>(
  schema: S,
  input: unknown,
  code = 'invalid-input',
): z.output<S> => {
  const result = schema.safeParse(input);
  if (!result.success) throw new UserError(code, firstIssue(result.error));
  return result.data;
};
